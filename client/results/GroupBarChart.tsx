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

const ROW_HEIGHT = 54;
const BAR_TOP = 24;
const BAR_HEIGHT = 22;
const MAX_TITLE = 48;

/**
 * A ranked horizontal bar per item, split by stakeholder group. The x axis is in percent of the chart's
 * width and the text in pixels, so the labels stay readable on a 360 px phone and on a projector alike.
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
      <svg
        className="chart-bars"
        width="100%"
        height={rows.length * ROW_HEIGHT}
        role="img"
        aria-label={`${t('results.chartLabel')} ${rows.map(describe).join('; ')}`}
      >
        <GroupPatternDefs idPrefix={idPrefix} />
        {rows.map((row, r) => {
          const y = r * ROW_HEIGHT;
          let start = 0;
          return (
            <g key={row.id}>
              <text x="0" y={y + 17} className="chart-label">
                {`${row.rank ?? '–'}. ${shorten(row.title)} · ${row.total}`}
                {row.contested && <tspan className="chart-contested">{` ⚑ ${t('results.contested')}`}</tspan>}
              </text>
              {groups.map((group, i) => {
                const dots = row.byGroup[group.id] ?? 0;
                if (dots === 0) return null;
                const x = (start / max) * 99;
                start += dots;
                return <rect key={group.id} x={`${x}%`} y={y + BAR_TOP} width={`${(dots / max) * 99}%`} height={BAR_HEIGHT} fill={groupFill(idPrefix, i)} stroke="#1b1f2a" strokeWidth="1" />;
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function shorten(title: string): string {
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}
