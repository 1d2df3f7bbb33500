import { useState } from 'react';
import type { HistoryPoint } from '../../shared/api';
import { useT } from '../app/i18n';
import { CommandError } from '../kernel/commands/CommandError';
import { useCommand } from '../kernel/commands/useCommand';
import { useBoard } from '../kernel/BoardContext';
import { PanelReadWhenOpened, useServerRead } from '../kernel/commands/PanelReadWhenOpened';

/**
 * The facilitator's way back from anyone's change: the points of the board's history (where cards or themes
 * changed, newest first) and restoring one, which everyone sees at once. Read when the panel opens and after a
 * restore, which is a point of its own. Points from before the log's last compaction are marked as kept.
 */
export function BoardHistoryPanel() {
  const t = useT();
  const { api } = useBoard();
  const { value: history, reload, ...load } = useServerRead(api.fetchHistory);
  const [restored, setRestored] = useState<number | null>(null);
  const restore = useCommand();
  const [now, ...earlier] = history?.points ?? [];

  return (
    <PanelReadWhenOpened className="history-panel" heading={t('history.heading')} onOpen={reload}>
      <p className="muted">{t('history.hint')}</p>
      {now && (
        <p>
          {t('history.point', counts(now))} <span className="muted">({t('history.now')})</span>
        </p>
      )}
      {history && earlier.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {earlier.length > 0 && (
        <ul className="link-list">
          {earlier.map((point) => (
            <li key={point.seq}>
              <span>
                {t('history.point', counts(point))} {point.kept && <span className="muted">({t('history.kept')})</span>}
              </span>
              <button
                type="button"
                disabled={restore.busy}
                aria-label={t('history.restoreLabel', { seq: point.seq })}
                onClick={() =>
                  restore.run(async () => {
                    await api.restoreBoard(point.seq);
                    setRestored(point.seq);
                    reload();
                  })
                }
              >
                {t('history.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="people-status">
        {restored === null ? '' : t('history.restored', { seq: restored })}
      </p>
      <CommandError failed={load.failed} refusal={load.refusal} fallback={t('history.failed')} />
      <CommandError failed={restore.failed} refusal={restore.refusal} fallback={t('people.failed')} />
    </PanelReadWhenOpened>
  );
}

function counts({ kept: _, ...point }: HistoryPoint): Omit<HistoryPoint, 'kept'> {
  return point;
}
