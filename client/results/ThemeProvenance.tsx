import type { CardView } from '../../shared/boardDoc';
import type { ParticipantInfo } from '../../shared/controlDoc';
import { countByAuthorGroup } from '../../shared/voting/provenance';
import type { TallyItem } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { ScrollingTable } from './ScrollingTable';

interface Props {
  items: TallyItem[];
  cards: CardView[];
  participants: ReadonlyMap<string, ParticipantInfo>;
  groupName: (id: string) => string;
}

/** Which groups wrote the cards behind each item: a theme whole groups filled differs from one a single group did. */
export function ThemeProvenance({ items, cards, participants, groupName }: Props) {
  const t = useT();
  const people = Array.from(participants.values());
  return (
    <ScrollingTable label={t('results.provenanceCaption')}>
      <table className="provenance">
        <caption>{t('results.provenanceCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.item')}</th>
            <th scope="col">{t('results.cardsByGroup')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const counts = countByAuthorGroup(
              cards.filter((card) => card.cluster === item.id || card.id === item.id),
              people,
            );
            const entries = Object.entries(counts);
            return (
              <tr key={item.id}>
                <th scope="row">{item.title}</th>
                <td>{entries.length === 0 ? '–' : entries.map(([group, count]) => t('results.cardsFrom', { group: groupName(group), count })).join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
