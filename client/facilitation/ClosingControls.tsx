import { useState } from 'react';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCommand } from '../kernel/commands/useCommand';
import { CommandError } from '../kernel/commands/CommandError';
import './closing.css';

/** Close the workshop for everyone (after a plain confirmation), or reopen it. */
export function ClosingControls({ closed }: { closed: boolean }) {
  const t = useT();
  const { api } = useBoard();
  const [confirming, setConfirming] = useState(false);
  const { busy, failed, refusal, run } = useCommand();
  const command = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      setConfirming(false);
    });

  return (
    <div className="closing-controls">
      {closed ? (
        <button type="button" className="primary" disabled={busy} onClick={() => command(api.reopenBoard)}>
          {t('closing.reopen')}
        </button>
      ) : confirming ? (
        <div className="button-row" role="group" aria-label={t('closing.confirm')}>
          <span>{t('closing.confirm')}</span>
          <button type="button" className="danger" disabled={busy} onClick={() => command(api.closeBoard)}>
            {t('closing.confirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('closing.cancel')}
          </button>
        </div>
      ) : (
        <>
          <button type="button" onClick={() => setConfirming(true)}>
            {t('closing.close')}
          </button>
          <p className="hint">{t('closing.closeHint')}</p>
        </>
      )}
      <CommandError failed={failed} refusal={refusal} fallback={t('error.generic')} />
    </div>
  );
}
