import type { CardView } from '../../shared/boardDoc';
import { itemCards } from '../../shared/cardMerge';
import type { ParticipantInfo } from '../../shared/controlDoc';
import { authorGroupAsShown } from '../../shared/voting/anonymity';
import { countByAuthorGroup } from '../../shared/voting/provenance';
import type { Tally } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { useTablesRaised } from '../kernel/useTableLabel';
import { ScrollingTable } from '../app/ScrollingTable';

interface Props {
  tally: Tally;
  cards: CardView[];
  participants: ReadonlyMap<string, ParticipantInfo>;
  groupName: (id: string) => string;
}

/**
 * Which groups wrote the cards behind each item: a theme whole groups filled differs from one a single group did.
 * Authors count under the groups the round shows, so an anonymous round's table names no group its figures hide.
 */
export function ThemeProvenance({ tally, cards, participants, groupName }: Props) {
  const t = useT();
  const asShown = authorGroupAsShown(tally);
  const people = Array.from(participants.values(), (person) => ({ id: person.id, group: asShown(person.group) }));
  const cardsOf = itemCards(cards);
  const raisedAt = useTablesRaised();
  const tables = new Map(tally.items.map((item) => [item.id, raisedAt([item.id])]));
  // Only a board whose cards came from breakout tables has the column.
  const hadTables = [...tables.values()].some((line) => line !== null);
  return (
    <ScrollingTable label={t('results.provenanceCaption')}>
      <table className="provenance">
        <caption>{t('results.provenanceCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.item')}</th>
            <th scope="col">{t('results.cardsByGroup')}</th>
            {hadTables && <th scope="col">{t('tables.raisedAtColumn')}</th>}
          </tr>
        </thead>
        <tbody>
          {tally.items.map((item) => {
            const counts = countByAuthorGroup(cardsOf(item.id), people);
            const entries = Object.entries(counts);
            return (
              <tr key={item.id}>
                <th scope="row">{item.title}</th>
                <td>{entries.length === 0 ? '–' : entries.map(([group, count]) => t('results.cardsFrom', { group: groupName(group), count })).join(' · ')}</td>
                {hadTables && <td>{tables.get(item.id) ?? '–'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
