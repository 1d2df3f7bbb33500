import type { ReactNode } from 'react';
import type { TallyItem } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { ContestedBadge } from './ContestedBadge';
import { ScrollingTable } from '../app/ScrollingTable';
import { useFormats } from '../app/useFormats';

/** The raw ranking (all dots) beside the group-balanced one (every group weighs the same), with consensus and flags. */
export function RankingTables({ items }: { items: TallyItem[] }) {
  const t = useT();
  const format = useFormats();
  const balanced = [...items].sort((a, b) => a.balancedRank - b.balancedRank || b.total - a.total);
  return (
    <div className="ranking-pair">
      <RankingTable
        caption={t('results.rawRanking')}
        className="raw-ranking"
        items={items}
        rank={(item) => item.rank}
        columns={[
          { label: t('results.dots'), value: (item) => item.total },
          { label: t('results.consensus'), value: (item) => format.consensus(item.consensus) },
        ]}
      />
      <RankingTable
        caption={t('results.balancedRanking')}
        className="balanced-ranking"
        items={balanced}
        rank={(item) => item.balancedRank}
        columns={[
          { label: t('results.score'), value: (item) => format.score(item.balanced) },
          { label: t('results.rawRank'), value: (item) => item.rank },
        ]}
      />
    </div>
  );
}

interface RankingTableProps {
  caption: string;
  className: string;
  items: TallyItem[];
  rank: (item: TallyItem) => number;
  columns: Array<{ label: string; value: (item: TallyItem) => ReactNode }>;
}

function RankingTable({ caption, className, items, rank, columns }: RankingTableProps) {
  const t = useT();
  return (
    <ScrollingTable label={caption}>
      <table className={`ranking ${className}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.rank')}</th>
            <th scope="col">{t('results.item')}</th>
            {columns.map((column) => (
              <th key={column.label} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{rank(item)}</td>
              <th scope="row">
                {item.title} {item.contested && <ContestedBadge />}
              </th>
              {columns.map((column) => (
                <td key={column.label}>{column.value(item)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
