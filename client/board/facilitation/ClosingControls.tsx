import { useState } from 'react';
import { closeBoard, reopenBoard } from '../../api/serverApi';
import { describeFailure } from '../../app/describeFailure';
import { useT } from '../../app/i18n';

/** Close the workshop for everyone (after a plain confirmation), or reopen it. */
export function ClosingControls({ boardId, token, closed }: { boardId: string; token: string; closed: boolean }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (command: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await command();
      setConfirming(false);
    } catch (failure) {
      setError(describeFailure(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="closing-controls">
      {closed ? (
        <button type="button" className="primary" disabled={busy} onClick={() => run(() => reopenBoard(boardId, token))}>
          {t('closing.reopen')}
        </button>
      ) : confirming ? (
        <div className="button-row" role="group" aria-label={t('closing.confirm')}>
          <span>{t('closing.confirm')}</span>
          <button type="button" className="danger" disabled={busy} onClick={() => run(() => closeBoard(boardId, token))}>
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
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
