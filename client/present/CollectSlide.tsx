import type { BoardSummary } from '../../shared/api';
import { timerRemaining, type BoardMeta } from '../../shared/controlDoc';
import { useT } from '../app/i18n';
import { formatClock } from '../kernel/time/clock';
import { useServerNow } from '../kernel/time/useServerNow';
import { useBoard } from '../kernel/BoardContext';
import { useCards } from '../kernel/useBoardData';

/** While cards are written: the time left, large, and how many cards there are; the code stays for latecomers. */
export function CollectSlide({ meta, share }: { meta: BoardMeta; share: BoardSummary['share'] }) {
  const { boardDoc } = useBoard();
  const t = useT();
  const cards = useCards(boardDoc);
  const now = useServerNow(meta.timer.status === 'running');
  const remaining = timerRemaining(meta.timer, now);
  const done = meta.timer.status === 'running' && remaining <= 0;
  return (
    <div className="slide collect-slide">
      {meta.question && <p className="projector-question">{meta.question}</p>}
      {meta.timer.status === 'idle' ? (
        <p className="projector-hint">{t('present.noTimer')}</p>
      ) : done ? (
        <p className="projector-clock projector-clock-done" role="alert">
          {t('present.timeUp')}
        </p>
      ) : (
        <p className="projector-clock">
          <span className="visually-hidden">{t('timer.remaining', { time: formatClock(remaining) })}</span>
          <span aria-hidden="true">{formatClock(remaining)}</span>
        </p>
      )}
      <p className="big-number">{t('present.cards', { count: cards.length })}</p>
      {share && (
        <p className="projector-corner">
          {t('present.code')}: <strong>{share.joinCode}</strong>
        </p>
      )}
    </div>
  );
}
