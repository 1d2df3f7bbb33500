import { useT } from '../app/i18n';
import type { ConnectionStatus } from '../kernel/sync/BoardConnection';

export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const t = useT();
  return (
    <p className={`connection connection-${status}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      {t(`connection.${status}`)}
    </p>
  );
}
