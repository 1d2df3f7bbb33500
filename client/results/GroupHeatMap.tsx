import { useT } from '../app/i18n';
import type { ChartGroup, ChartRow } from './GroupBarChart';
import { ScrollingTable } from '../app/ScrollingTable';
import { useFormats } from '../app/useFormats';

interface Props {
  rows: ChartRow[];
  groups: ChartGroup[];
  /** Voters per group, shown in the column heads when known. */
  voters?: Record<string, number>;
}

/** Shading steps; the text colour switches where it keeps a 4.5:1 contrast on each step. */
const SHADES = ['shade-0', 'shade-1', 'shade-2', 'shade-3', 'shade-4'] as const;

/**
 * Items × groups: the dots in each cell, shaded by the share of that group's own dots the item got, so a small
 * group's favourite stands out as much as a large group's. It is also the chart's numbers as a table.
 */
export function GroupHeatMap({ rows, groups, voters }: Props) {
  const t = useT();
  const format = useFormats();
  const castByGroup = Object.fromEntries(groups.map((group) => [group.id, rows.reduce((sum, row) => sum + (row.byGroup[group.id] ?? 0), 0)]));
  const share = (row: ChartRow, groupId: string) => (castByGroup[groupId] ? (row.byGroup[groupId] ?? 0) / castByGroup[groupId] : 0);
  const maxShare = Math.max(0, ...rows.flatMap((row) => groups.map((group) => share(row, group.id))));
  const shade = (value: number) => SHADES[value === 0 || maxShare === 0 ? 0 : Math.max(1, Math.ceil((value / maxShare) * 4))];

  return (
    <ScrollingTable label={t('results.heatMapCaption')}>
      <table className="heat-map">
        <caption>{t('results.heatMapCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.rank')}</th>
            <th scope="col">{t('results.item')}</th>
            {groups.map((group) => (
              <th key={group.id} scope="col">
                {group.name}
                {voters && <span className="th-note">{t('results.votersCount', { count: voters[group.id] ?? 0 })}</span>}
              </th>
            ))}
            <th scope="col">{t('results.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.rank ?? '–'}</td>
              <th scope="row">{row.title}</th>
              {groups.map((group) => {
                const value = share(row, group.id);
                return (
                  <td key={group.id} className={`heat ${shade(value)}`}>
                    {row.byGroup[group.id] ?? 0}
                    <span className="heat-share">{format.share(value)}</span>
                  </td>
                );
              })}
              <td className="total">{row.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
