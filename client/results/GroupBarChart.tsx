import { useId } from 'react';
import { useT } from '../app/i18n';
import { GroupPatternDefs, groupFill } from './GroupPatterns';

export interface ChartRow {
  id: string;
  rank: number | null;
  title: string;
  total: number;
  byGroup: Record<string, number>;
  contested: boolean;
}

export interface ChartGroup {
  id: string;
  name: string;
}

interface Props {
  rows: ChartRow[];
  groups: ChartGroup[];
}

const BAR_HEIGHT = 22;

/**
 * A ranked horizontal bar per item, split by stakeholder group. The x axis is in percent of the chart's
 * width and the labels wrap above their bars, so they stay whole on a 360 px phone, on paper and on a projector.
 */
export function GroupBarChart({ rows, groups }: Props) {
  const t = useT();
  const idPrefix = `chart${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const max = Math.max(1, ...rows.map((row) => row.total));
  const describe = (row: ChartRow) =>
    t('results.chartItem', {
      rank: row.rank ?? '–',
      title: row.title,
      total: row.total,
      split: groups.map((group) => `${group.name} ${row.byGroup[group.id] ?? 0}`).join(', '),
    }) + (row.contested ? ` (${t('results.contested')})` : '');

  return (
    <figure className="group-chart">
      <ul className="chart-legend" aria-label={t('results.legend')}>
        {groups.map((group, i) => (
          <li key={group.id}>
            <svg width="18" height="18" aria-hidden="true">
              <rect width="18" height="18" fill={groupFill(idPrefix, i)} stroke="#1b1f2a" strokeWidth="1" />
            </svg>
            {group.name}
          </li>
        ))}
      </ul>
      {/* Labels are HTML so long titles wrap, on a phone and in print alike; each bar is its own small SVG. */}
      <svg width="0" height="0" className="chart-defs" aria-hidden="true" focusable="false">
        <GroupPatternDefs idPrefix={idPrefix} />
      </svg>
      <div className="chart-bars" role="img" aria-label={`${t('results.chartLabel')} ${rows.map(describe).join('; ')}`}>
        {rows.map((row) => {
          let start = 0;
          return (
            <div key={row.id} className="chart-row" aria-hidden="true">
              <p className="chart-label">
                {`${row.rank ?? '–'}. ${row.title} · ${row.total}`}
                {row.contested && <span className="chart-contested">{` ⚑ ${t('results.contested')}`}</span>}
              </p>
              <svg width="100%" height={BAR_HEIGHT}>
                {groups.map((group, i) => {
                  const dots = row.byGroup[group.id] ?? 0;
                  if (dots === 0) return null;
                  const x = (start / max) * 99;
                  start += dots;
                  return <rect key={group.id} x={`${x}%`} y={0} width={`${(dots / max) * 99}%`} height={BAR_HEIGHT} fill={groupFill(idPrefix, i)} stroke="#1b1f2a" strokeWidth="1" />;
                })}
              </svg>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
