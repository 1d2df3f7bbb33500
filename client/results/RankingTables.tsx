import type { TallyItem } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { ContestedBadge } from './ContestedBadge';
import { ScrollingTable } from './ScrollingTable';
import { useFormats } from './useFormats';

/** The raw ranking (all dots) beside the group-balanced one (every group weighs the same), with consensus and flags. */
export function RankingTables({ items }: { items: TallyItem[] }) {
  const t = useT();
  const format = useFormats();
  const balanced = [...items].sort((a, b) => a.balancedRank - b.balancedRank || b.total - a.total);

  return (
    <div className="ranking-pair">
      <ScrollingTable label={t('results.rawRanking')}>
        <table className="ranking raw-ranking">
          <caption>{t('results.rawRanking')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.rank')}</th>
              <th scope="col">{t('results.item')}</th>
              <th scope="col">{t('results.dots')}</th>
              <th scope="col">{t('results.consensus')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.rank}</td>
                <th scope="row">
                  {item.title} {item.contested && <ContestedBadge />}
                </th>
                <td>{item.total}</td>
                <td>{format.consensus(item.consensus)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <ScrollingTable label={t('results.balancedRanking')}>
        <table className="ranking balanced-ranking">
          <caption>{t('results.balancedRanking')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.rank')}</th>
              <th scope="col">{t('results.item')}</th>
              <th scope="col">{t('results.score')}</th>
              <th scope="col">{t('results.rawRank')}</th>
            </tr>
          </thead>
          <tbody>
            {balanced.map((item) => (
              <tr key={item.id}>
                <td>{item.balancedRank}</td>
                <th scope="row">
                  {item.title} {item.contested && <ContestedBadge />}
                </th>
                <td>{format.score(item.balanced)}</td>
                <td>{item.rank}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </div>
  );
}
