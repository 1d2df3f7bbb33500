import { useEffect, useState } from 'react';
import type { ParticipantInfo } from '../../shared/controlDoc';
import type { PersonDots, Tally } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { ScrollingTable } from '../app/ScrollingTable';

interface Props {
  tally: Tally;
  participants: ReadonlyMap<string, ParticipantInfo>;
  groupName: (id: string) => string;
}

/**
 * The per-person figures a named round promises: who placed which dots, in the round's raw rank order. They are
 * asked for by the facilitator's own request, never read from the control document that every link syncs.
 */
export function PerPersonTable({ tally, participants, groupName }: Props) {
  const t = useT();
  const { api } = useBoard();
  const [perPerson, setPerPerson] = useState<PersonDots[] | null>(null);
  useEffect(() => {
    let current = true;
    api.fetchDotsPerPerson(tally.roundId).then(
      (answer) => current && setPerPerson(answer),
      () => current && setPerPerson([]),
    );
    return () => {
      current = false;
    };
  }, [api, tally.roundId]);
  if (perPerson === null) return null;
  const order = new Map(tally.items.map((item, index) => [item.id, index]));
  const titles = new Map(tally.items.map((item) => [item.id, item.title]));
  const rows = perPerson.map(({ participantId: id, dots }) => ({
    id,
    person: participants.get(id),
    dots: [...dots].sort((a, b) => order.get(a.itemId)! - order.get(b.itemId)!).map(({ itemId, dots: count }) => ({ title: titles.get(itemId) ?? '', dots: count })),
  }));
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
