import type { AgreementDraftBody } from '../../shared/api';
import { useT } from '../app/i18n';
import { isKept } from '../../shared/agreement';
import { useTablesRaised } from '../kernel/useTableLabel';

/** The facilitator's draft as everyone else follows it, live and read-only. */
export function AgreementView({ draft }: { draft: AgreementDraftBody | null }) {
  const t = useT();
  const raisedAt = useTablesRaised();
  if (!draft) return <p className="muted">{t('agree.notStarted')}</p>;
  const kept = draft.items.filter(isKept);
  const dropped = draft.items.filter((item) => item.dropped);
  return (
    <>
      <ol className="agreed-list">
        {kept.map((item) => {
          const merged = draft.items.filter((other) => other.mergedInto === item.itemId);
          const tables = raisedAt([item.itemId, ...merged.map((m) => m.itemId)]);
          return (
            <li key={item.itemId}>
              <strong>{item.title}</strong>
              {merged.length > 0 && <span className="muted"> {t('agree.includes', { titles: merged.map((m) => m.title).join(', ') })}</span>}
              {tables && <span className="muted"> {t('tables.raisedAt', { tables })}</span>}
              <dl className="priority-details">
                <dt>{t('agree.owner')}</dt>
                <dd>{item.owner || '–'}</dd>
                <dt>{t('agree.nextStep')}</dt>
                <dd>{item.nextStep || '–'}</dd>
              </dl>
            </li>
          );
        })}
      </ol>
      {dropped.length > 0 && (
        <>
          <h3>{t('agree.dropped')}</h3>
          <ul>
            {dropped.map((item) => (
              <li key={item.itemId}>
                <strong>{item.title}</strong> {t('agree.droppedBecause', { reason: item.dropped!.reason })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
