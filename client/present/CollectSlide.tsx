import type { BoardSummary } from '../../shared/api';
import { silentCollectActive, type Role } from '../../shared/phases';
import type { BoardMeta } from '../../shared/controlDoc';
import { readDrafts } from '../../shared/draftsDoc';
import { draftsRoom } from '../../shared/rooms';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCards, useReactions } from '../kernel/useBoardData';
import { PlusOnes } from './PlusOnes';
import { ProjectorClock } from './ProjectorClock';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import { useSyncedRoom } from '../kernel/sync/useSyncedRoom';

/** The newest cards on the wall during open collection: six tiles of two lines fit beside the clock at any size. */
const WALL_CARDS = 6;

interface Props {
  meta: BoardMeta;
  share: BoardSummary['share'];
  role: Role;
}

/**
 * While cards are written: the time left, large, how many cards there are and, in open collection, the newest of
 * them; the code stays for latecomers.
 */
export function CollectSlide({ meta, share, role }: Props) {
  const t = useT();
  const silent = silentCollectActive(meta.phase, meta.settings);
  return (
    <div className="slide collect-slide">
      <div className="collect-status">
        {meta.question && <p className="projector-question">{meta.question}</p>}
        {meta.timer.status === 'idle' ? <p className="projector-hint">{t('present.noTimer')}</p> : <ProjectorClock timer={meta.timer} className="projector-clock" />}
        {silent ? role === 'facilitator' ? <WrittenCount /> : <p className="big-number">{t('present.beingWritten')}</p> : <CardCount />}
        {share && (
          <p className="projector-corner">
            {t('present.code')}: <strong>{share.joinCode}</strong>
          </p>
        )}
      </div>
      {!silent && <NewestCards />}
    </div>
  );
}

function CardCount() {
  const { boardDoc } = useBoard();
  const t = useT();
  return <p className="big-number">{t('present.cards', { count: useCards(boardDoc).length })}</p>;
}

/**
 * The count of silent cards, from the drafts only a facilitator's link may open; the wall shows how many, never
 * what, so nobody's card is read out before the reveal.
 */
function WrittenCount() {
  const { boardId, token } = useBoard();
  const t = useT();
  const drafts = useSyncedRoom(draftsRoom(boardId), token);
  const count = useDocSelector(drafts, (doc) => (doc ? readDrafts(doc).length : 0));
  return <p className="big-number">{t('present.written', { count })}</p>;
}

function NewestCards() {
  const { boardDoc } = useBoard();
  const t = useT();
  const newest = useCards(boardDoc).slice(-WALL_CARDS).reverse();
  const { count } = useReactions(boardDoc);
  if (newest.length === 0) return null;
  return (
    <section className="collect-wall" aria-label={t('present.newest')}>
      <ul>
        {newest.map((card) => (
          <li key={card.id}>
            {card.title}
            <PlusOnes count={count[card.id]} />
          </li>
        ))}
      </ul>
    </section>
  );
}
