import type { ConceptMovement, ConceptPath, ForumWorkshop, ThemeMovement } from '../../shared/forum';
import { useLanguage, useT } from '../app/i18n';
import { ScrollingTable } from '../app/ScrollingTable';

const COLUMN = 170;
const ROW = 30;
const LEFT = 70;
const TOP = 44;
const LABELS = 340;

/** Movement is said in words and marks, and drawn in a line style of its own; colour only helps the eye. */
export const MOVEMENT_MARK: Record<ConceptMovement, string> = { rose: '▲', faded: '▼', new: '★', gone: '✕', steady: '=' };

/**
 * A bump chart of the forum's themes: a column per workshop, a row per rank (first at the top), a line per concept.
 * In the latest ranked workshop a theme that is no longer a priority drops to a row of its own below the ranks.
 * The table beside it says the same for screen readers and for print.
 */
export function ThemeChart({ movement, workshops }: { movement: ThemeMovement; workshops: ForumWorkshop[] }) {
  const t = useT();
  const { language, locale } = useLanguage();
  const latest = movement.sources.findLastIndex((source) => source !== 'none');
  if (latest < 0 || movement.concepts.length === 0) return <p className="hint block">{t('forum.movementNone')}</p>;

  const ranks = movement.concepts.flatMap((c) => c.ranks.filter((r) => r !== null));
  const maxRank = Math.max(...ranks);
  const absent = movement.concepts.filter((c) => c.ranks[latest] === null);
  const rowOf = (concept: ConceptPath, index: number): number | null => {
    const rank = concept.ranks[index] ?? null;
    if (rank !== null) return rank;
    return index === latest ? maxRank + 1 + absent.indexOf(concept) : null;
  };
  const x = (index: number) => LEFT + index * COLUMN;
  const y = (row: number) => TOP + (row - 0.5) * ROW;
  const width = x(workshops.length - 1) + LABELS;
  const height = TOP + (maxRank + absent.length) * ROW + 8;
  const chartLabel = t('forum.chartLabel', { n: movement.concepts.length, w: workshops.length });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

  return (
    <div className="theme-chart">
      <ScrollingTable label={chartLabel} className="theme-chart-scroll">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="theme-chart-title">
          <title id="theme-chart-title">{chartLabel}</title>
          {workshops.map((w, index) => (
            <g key={w.boardId} className="theme-chart-column">
              <line x1={x(index)} x2={x(index)} y1={TOP - 6} y2={height - 4} />
              <text x={x(index)} y={14} textAnchor="middle">
                {index + 1}. {date.format(new Date(w.createdAt))}
              </text>
              <text x={x(index)} y={30} textAnchor="middle" className="theme-chart-source">
                {t(`forum.source.${movement.sources[index]!}`)}
              </text>
            </g>
          ))}
          {absent.length > 0 && <line className="theme-chart-lane" x1={LEFT - 20} x2={width - 8} y1={y(maxRank + 0.5)} y2={y(maxRank + 0.5)} />}
          {movement.concepts.map((concept) => {
            const points = workshops.map((_, index) => rowOf(concept, index));
            const lastRow = points[latest] ?? null;
            return (
              <g key={concept.key} className={`theme-line move-${concept.movement}`}>
                {points.map((row, index) => {
                  const next = points[index + 1];
                  return row !== null && next !== null && next !== undefined ? <line key={index} x1={x(index)} y1={y(row)} x2={x(index + 1)} y2={y(next)} /> : null;
                })}
                {points.map((row, index) => (row !== null && !(index === latest && concept.ranks[index] === null) ? <circle key={index} cx={x(index)} cy={y(row)} r={5} /> : null))}
                {lastRow !== null && (
                  <text x={x(latest) + 10} y={y(lastRow) + 4}>
                    {MOVEMENT_MARK[concept.movement]} {concept.label[language]} ({t(`forum.move.${concept.movement}`)})
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </ScrollingTable>
      <ScrollingTable label={t('forum.tableCaption')}>
        <table className="theme-table">
          <caption>{t('forum.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forum.col.theme')}</th>
              {workshops.map((w, index) => (
                <th key={w.boardId} scope="col">
                  {index + 1}. {w.title}
                </th>
              ))}
              <th scope="col">{t('forum.col.movement')}</th>
            </tr>
          </thead>
          <tbody>
            {movement.concepts.map((concept) => (
              <tr key={concept.key}>
                <th scope="row">{concept.label[language]}</th>
                {concept.ranks.map((rank, index) => (
                  <td key={index}>{rank === null ? <span className="muted">{t('forum.notRanked')}</span> : t('forum.rank', { rank })}</td>
                ))}
                <td className={`move-word move-${concept.movement}`}>
                  {MOVEMENT_MARK[concept.movement]} {t(`forum.move.${concept.movement}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </div>
  );
}
