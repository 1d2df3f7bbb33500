import { useT } from '../app/i18n';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { JoinWithCodeForm } from './JoinWithCodeForm';
import type { FatalReason } from '../kernel/sync/SyncedDoc';

const REASON_KEYS = {
  invalidToken: 'invite.invalidToken',
  unknownBoard: 'invite.unknownBoard',
  forbidden: 'invite.forbidden',
  removed: 'invite.removed',
  revoked: 'invite.revoked',
  deleted: 'invite.deleted',
} as const;

/** Shown to whoever reaches a board without a (valid) invitation: explain, and offer the code form. */
export function InvitationNeeded({ reason }: { reason?: FatalReason }) {
  const t = useT();
  useDocumentTitle(t('invite.title'));
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page narrow">
        <h1>{t('invite.title')}</h1>
        {reason ? (
          <p className="form-error" role="alert">
            {t(REASON_KEYS[reason])}
          </p>
        ) : (
          <p>{t('invite.body')}</p>
        )}
        <JoinWithCodeForm />
      </main>
    </>
  );
}
