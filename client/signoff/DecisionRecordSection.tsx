import './signoff.css';
import type { StakeholderGroup } from '../../shared/groups';
import type { DecisionRecord } from '../../shared/signoff';
import { useT } from '../app/i18n';
import { useFormats } from '../app/useFormats';

/** The printed report's decision record: the rule, whether it is met, each delegate's decision, and the seal. */
export function DecisionRecordSection({ record, groups }: { record: DecisionRecord; groups: readonly StakeholderGroup[] }) {
  const t = useT();
  const format = useFormats();
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? id;
  return (
    <section className="report-section decision-record" aria-labelledby="decision-record">
      <h2 id="decision-record">{t('signoff.record.heading', { version: record.version })}</h2>
      <p>{t(`signoff.rule.${record.rule}`)}</p>
      <p className={record.met ? 'signoff-outcome met' : 'signoff-outcome'}>{t(record.met ? 'signoff.met' : 'signoff.notMet')}</p>
      <table className="decision-record-table">
        <thead>
          <tr>
            <th scope="col">{t('signoff.record.group')}</th>
            <th scope="col">{t('signoff.record.delegate')}</th>
            <th scope="col">{t('signoff.record.decision')}</th>
            <th scope="col">{t('signoff.record.reason')}</th>
            <th scope="col">{t('signoff.record.signedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {record.groups.flatMap(({ group, standing, delegates }) =>
            delegates.map((d, i) => (
              <tr key={`${group}/${d.participantId}`}>
                {i === 0 && (
                  <th scope="row" rowSpan={delegates.length}>
                    {groupName(group)}: {t(`signoff.standing.${standing}`)}
                  </th>
                )}
                <td>
                  {d.name}
                  {d.organisation && <span className="muted"> ({d.organisation})</span>}
                </td>
                <td>{d.decision ? t(`signoff.decision.${d.decision}`) : t('signoff.waiting')}</td>
                <td>{d.reason}</td>
                <td>{d.signedAt === null ? '–' : format.dateTime(d.signedAt)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {record.recordSeal && (
        <p className="record-seal">
          {t('signoff.record.seal')}: <code>{record.recordSeal}</code>
        </p>
      )}
    </section>
  );
}
