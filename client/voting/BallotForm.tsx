import type { RoundItem, RoundState } from '../../shared/voting/types';
import { useT, type Translate } from '../app/i18n';
import { useFormats } from '../app/useFormats';
import { useBoard } from '../kernel/BoardContext';
import type { ConnectionStatus } from '../kernel/sync/BoardConnection';
import type { Allocations, BallotSender, BallotStatus } from './BallotSender';
import { describeFailure } from '../app/describeFailure';
import { useBallotSender, useBallotSnapshot } from './useBallot';

interface Props {
  participantId: string;
  round: RoundState;
  connection: ConnectionStatus;
  /** Card titles per theme, so voters see what a theme stands for. */
  cardTitlesByTheme: ReadonlyMap<string, string[]>;
}

export function BallotForm({ participantId, round, connection, cardTitlesByTheme }: Props) {
  const { boardId, token } = useBoard();
  const sender = useBallotSender({ boardId, token, roundId: round.id, participantId }, connection);
  if (!sender) return null;
  return <Ballot sender={sender} round={round} cardTitlesByTheme={cardTitlesByTheme} />;
}

function Ballot({ sender, round, cardTitlesByTheme }: { sender: BallotSender; round: RoundState; cardTitlesByTheme: Props['cardTitlesByTheme'] }) {
  const t = useT();
  const { allocations, status } = useBallotSnapshot(sender);
  const { budget, cap } = round.settings;
  const used = Object.values(allocations).reduce((sum, dots) => sum + dots, 0);
  const left = Math.max(0, budget - used);

  const setDots = (itemId: string, dots: number) => {
    const next: Allocations = { ...allocations, [itemId]: dots };
    if (dots === 0) delete next[itemId];
    sender.change(next);
  };

  return (
    <section className="panel ballot" aria-labelledby="ballot-heading">
      <h2 id="ballot-heading">{t('vote.heading', { number: round.number })}</h2>
      {!round.settings.anonymous && (
        <p className="notice named-round" role="note">
          {t('vote.namedNotice')}
        </p>
      )}
      <p className="hint">{t('vote.instructions', { budget, cap })}</p>
      <ul className="ballot-items">
        {round.items.map((item) => (
          <BallotItem
            key={item.id}
            item={item}
            dots={allocations[item.id] ?? 0}
            cap={cap}
            canAdd={left > 0}
            cardTitles={cardTitlesByTheme.get(item.id)}
            onChange={(dots) => setDots(item.id, dots)}
          />
        ))}
      </ul>
      {/* After the items, held to the bottom of the screen: in view wherever the voter is in the list, and never
          under the step bar that holds the top. */}
      <div className="ballot-bar">
        <p className="ballot-left" role="status">
          {t('vote.left', { left, budget })}
        </p>
        <BallotStatusLine status={status} />
      </div>
    </section>
  );
}

interface ItemProps {
  item: RoundItem;
  dots: number;
  cap: number;
  canAdd: boolean;
  cardTitles: string[] | undefined;
  onChange: (dots: number) => void;
}

function BallotItem({ item, dots, cap, canAdd, cardTitles, onChange }: ItemProps) {
  const t = useT();
  const label = { title: item.title, dots, cap };
  return (
    <li className="ballot-item">
      <div className="ballot-item-text">
        <h3 className="ballot-item-title">{item.title}</h3>
        {cardTitles && cardTitles.length > 0 && (
          <details className="ballot-item-cards">
            <summary>{t('vote.showCards', { count: cardTitles.length })}</summary>
            <ul>
              {cardTitles.map((title, index) => (
                <li key={index}>{title}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div className="dot-controls">
        <button type="button" className="dot-button" aria-label={t('vote.removeDot', label)} disabled={dots === 0} onClick={() => onChange(dots - 1)}>
          −
        </button>
        <span className="dots" aria-hidden="true">
          {Array.from({ length: cap }, (_, i) => (
            <span key={i} className={i < dots ? 'dot dot-on' : 'dot'} />
          ))}
        </span>
        <button type="button" className="dot-button" aria-label={t('vote.addDot', label)} disabled={dots >= cap || !canAdd} onClick={() => onChange(dots + 1)}>
          +
        </button>
      </div>
    </li>
  );
}

function BallotStatusLine({ status }: { status: BallotStatus }) {
  const t = useT();
  const format = useFormats();
  const [tone, text] = describeStatus(status, t, format.time);
  return (
    <p className={`ballot-status ${tone}`} role="status">
      {text}
    </p>
  );
}

function describeStatus(status: BallotStatus, t: Translate, time: (ms: number) => string): [tone: string, text: string] {
  switch (status.kind) {
    case 'loading':
      return ['', t('vote.loading')];
    case 'empty':
      return ['', t('vote.empty')];
    case 'sending':
      return ['', t('vote.sending')];
    case 'stored':
      return ['ballot-stored', t('vote.stored', { time: time(status.at) })];
    case 'waiting':
      return ['ballot-waiting', t('vote.waiting')];
    case 'refused':
      return ['form-error', describeFailure(status.failure, t)];
  }
}
