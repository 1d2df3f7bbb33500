import { useT } from '../../app/i18n';
import type { RefusalNotice } from './BoardConnection';

/** Tells the person that a change of theirs was refused, and what the board does now. */
export function RefusalNoticeView({ notice, onDismiss, onReconnect }: { notice: RefusalNotice; onDismiss: () => void; onReconnect: () => void }) {
  const t = useT();
  const { step } = notice;
  const message =
    step.kind === 'stop'
      ? t('safety.refusedStopped')
      : step.afterMs > 0
        ? t('safety.refusedAgain', { seconds: Math.round(step.afterMs / 1000) })
        : t(notice.reason === 'tooBig' ? 'board.tooBig' : 'board.refused');
  return (
    <div className="notice notice-warning" role="alert">
      <p>{message}</p>
      {step.kind === 'stop' ? (
        <button type="button" onClick={onReconnect}>
          {t('safety.reconnect')}
        </button>
      ) : (
        <button type="button" onClick={onDismiss}>
          {t('board.dismiss')}
        </button>
      )}
    </div>
  );
}
