import type { StakeholderGroup } from '../../shared/groups';
import type { TallyItem } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useGroupName } from '../results/groupNames';
import { useFormats } from '../app/useFormats';
import { GroupPatternDefs, groupFill } from '../results/GroupPatterns';
import { useRevealedRounds } from '../kernel/useRounds';
import { useTablesRaised } from '../kernel/useTableLabel';
import { listColumns } from './listColumns';
import { usePresentation } from './usePresentation';

/**
 * The ranking of the latest revealed round, shown from the last place up as far as the facilitator has stepped:
 * each item with its dots as a bar split by group, and the group-balanced ranking of the same items beside it.
 */
export function ResultsSlide({ groups }: { groups: StakeholderGroup[] }) {
  const { controlDoc } = useBoard();
  const t = useT();
  const formats = useFormats();
  const revealed = useRevealedRounds(controlDoc);
  const presentation = usePresentation(controlDoc);
  const latest = revealed.at(-1);
  const groupName = useGroupName(groups, latest?.tally);
  const raisedAt = useTablesRaised();
  if (!latest) return <p className="slide projector-hint">{t('present.waitingReveal')}</p>;

  const { tally } = latest;
  const step = presentation?.roundId === tally.roundId ? presentation.revealed : 0;
  // Revealed from the bottom: the suspense is in the top places.
  const shown = tally.items.slice(Math.max(0, tally.items.length - step));
  const most = Math.max(1, ...tally.items.map((item) => item.total));
  const balanced = [...shown].sort((a, b) => a.balancedRank - b.balancedRank || a.title.localeCompare(b.title));

  return (
    <div className="slide results-slide">
      {shown.length === 0 && <p className="projector-hint">{t('present.waitingReveal')}</p>}
      <div className="results-columns">
        <section aria-labelledby="projector-ranking">
          <h2 id="projector-ranking">{t('present.ranking')}</h2>
          <ol {...listColumns('projector-ranking', shown.length)}>
            {shown.map((item) => (
              <RankedItem key={item.id} item={item} most={most} groups={tally.groups} tables={raisedAt([item.id])} />
            ))}
          </ol>
          <ul className="projector-legend">
            <svg width="0" height="0" aria-hidden="true" className="pattern-defs">
              <GroupPatternDefs idPrefix="projector" />
            </svg>
            {tally.groups.map((group, index) => (
              <li key={group}>
                <svg className="projector-swatch" aria-hidden="true">
                  <rect width="100%" height="100%" fill={groupFill('projector', index)} />
                </svg>
                {groupName(group)}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="projector-balanced">
          <h2 id="projector-balanced">{t('present.balanced')}</h2>
          <ol className="projector-balanced">
            {balanced.map((item) => (
              <li key={item.id}>
                <span className="rank">{item.balancedRank}.</span> {item.title} <span className="projector-count">{formats.score(item.balanced)}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}

function RankedItem({ item, most, groups, tables }: { item: TallyItem; most: number; groups: string[]; tables: string | null }) {
  const t = useT();
  return (
    <li className="projector-item">
      <p className="projector-item-title">
        <span className="rank">{item.rank}.</span> {item.title} <span className="projector-count">· {t('present.dots', { count: item.total })}</span>
        {item.contested && <span className="projector-contested"> · {t('present.contested')}</span>}
        {tables && <span className="projector-tables"> · {t('tables.raisedAt', { tables })}</span>}
      </p>
      {/* Segments placed in percent of an unscaled bar, so the group patterns keep their size (a stretched viewBox
          stretched them into flat colour and wedges). */}
      <svg className="projector-bar" role="img" aria-label={t('present.dots', { count: item.total })}>
        {segments(item, groups).map(({ group, index, x, dots }) => (
          <rect key={group} x={`${(x / most) * 100}%`} width={`${(dots / most) * 100}%`} height="100%" fill={groupFill('projector', index)} />
        ))}
      </svg>
    </li>
  );
}

/** Each group's dots as a segment of the item's bar, laid end to end in the tally's group order. */
function segments(item: TallyItem, groups: string[]) {
  let x = 0;
  return groups.map((group, index) => {
    const dots = item.byGroup[group] ?? 0;
    const segment = { group, index, x, dots };
    x += dots;
    return segment;
  });
}
