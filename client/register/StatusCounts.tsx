import { REGISTER_STATUSES, type RegisterStatus } from '../../shared/register';
import { useT } from '../app/i18n';

/** How many priorities are in each status: four chips, each in its status's colour and with its name. */
export function StatusCounts({ counts, compact = false }: { counts: Record<RegisterStatus, number>; compact?: boolean }) {
  const t = useT();
  return (
    <ul className={`status-counts${compact ? ' compact' : ''}`}>
      {REGISTER_STATUSES.filter((status) => !compact || counts[status] > 0).map((status) => (
        <li key={status} className={`status-chip status-${status}`}>
          <span className="status-count">{counts[status]}</span> {t(`register.status.${status}`)}
        </li>
      ))}
    </ul>
  );
}
