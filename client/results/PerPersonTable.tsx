import type { ParticipantInfo } from '../../shared/controlDoc';
import type { Tally } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { ScrollingTable } from './ScrollingTable';

interface Props {
  tally: Tally;
  participants: ReadonlyMap<string, ParticipantInfo>;
  groupName: (id: string) => string;
}

/** The per-person figures a named round promises: who placed which dots, in the round's raw rank order. */
export function PerPersonTable({ tally, participants, groupName }: Props) {
  const t = useT();
  const people = new Map<string, Array<{ title: string; dots: number }>>();
  for (const item of tally.items) {
    for (const [personId, dots] of Object.entries(item.byPerson ?? {})) {
      people.set(personId, [...(people.get(personId) ?? []), { title: item.title, dots }]);
    }
  }
  const rows = [...people].map(([id, dots]) => ({ id, person: participants.get(id), dots }));
  rows.sort((a, b) => (a.person?.name ?? '').localeCompare(b.person?.name ?? '') || a.id.localeCompare(b.id));

  return (
    <>
      <h4>{t('perPerson.heading')}</h4>
      <p className="hint">{t('perPerson.hint')}</p>
      <ScrollingTable label={t('perPerson.caption')}>
        <table className="per-person">
          <caption>{t('perPerson.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('perPerson.person')}</th>
              <th scope="col">{t('report.group')}</th>
              <th scope="col">{t('results.dots')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, person, dots }) => (
              <tr key={id}>
                <th scope="row">{person?.name ?? t('perPerson.unknown')}</th>
                <td>{person ? groupName(person.group) : '–'}</td>
                <td>{dots.map(({ title, dots: count }) => `${title}: ${count}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}
