import './results.css';
import { useState } from 'react';
import type { StakeholderGroup } from '../../shared/groups';
import { OTHER_GROUPS } from '../../shared/voting/anonymity';
import type { Tally } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCards, useParticipants } from '../kernel/useBoardData';
import { useRevealedRounds, type RevealedRound } from '../kernel/useRounds';
import { GroupBarChart, type ChartGroup, type ChartRow } from './GroupBarChart';
import { GroupHeatMap } from './GroupHeatMap';
import { useGroupName } from './groupNames';
import { PerPersonTable } from './PerPersonTable';
import { RankingTables } from './RankingTables';
import { RoundSelect } from './RoundSelect';
import { ThemeProvenance } from './ThemeProvenance';

interface Props {
  groups: StakeholderGroup[];
  /** The facilitator sees the per-person figures of a named round. */
  showPerPerson?: boolean;
}

/** The revealed results, one round at a time; earlier rounds stay readable. */
export function ResultsPanel({ groups, showPerPerson = false }: Props) {
  const t = useT();
  const { controlDoc } = useBoard();
  const revealed = useRevealedRounds(controlDoc);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const latest = revealed[revealed.length - 1];
  const shown = revealed.find(({ round }) => round.id === chosenId) ?? latest;

  return (
    <section className="panel results" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('results.heading')}</h2>
      {!shown ? (
        <p className="muted">{t('results.none')}</p>
      ) : (
        <>
          <RoundSelect label={t('results.pickRound')} revealed={revealed} value={shown.round.id} onChange={setChosenId} />
          <RoundResults key={shown.round.id} revealed={shown} groups={groups} showPerPerson={showPerPerson} runoffOfNumber={revealed.find(({ round }) => round.id === shown.tally.runoff?.fromRound)?.round.number} />
        </>
      )}
    </section>
  );
}

function RoundResults({ revealed: { round, tally }, groups, showPerPerson, runoffOfNumber }: Props & { revealed: RevealedRound; runoffOfNumber: number | undefined }) {
  const t = useT();
  const { boardDoc, controlDoc } = useBoard();
  const groupName = useGroupName(groups, tally);
  const cards = useCards(boardDoc);
  const participants = useParticipants(controlDoc);
  const chartGroups: ChartGroup[] = tally.groups.map((id) => ({ id, name: groupName(id) }));
  const rows = chartRows(tally);

  return (
    <>
      <h3>{t('results.roundHeading', { number: round.number })}</h3>
      <p>
        {t('results.roundSummary', { count: tally.voters.total, budget: round.settings.budget, cap: round.settings.cap })}{' '}
        {tally.anonymous && t('results.anonymousNote')}
      </p>
      {tally.anonymous && tally.groups.length === 1 && tally.groups[0] === OTHER_GROUPS && <p className="hint">{t('results.onlyTotals')}</p>}
      {tally.runoff?.votersDiffer && runoffOfNumber !== undefined && <p className="notice notice-warning" role="note">{t('results.runoffVotersDiffer', { number: runoffOfNumber })}</p>}
      <RankingTables items={tally.items} />
      <div className="explanations">
        <p>{t('results.balancedExplained')}</p>
        <p>{t('results.consensusExplained')}</p>
        <p>{t('results.contestedExplained')}</p>
      </div>
      <h4>{t('results.chartHeading')}</h4>
      <GroupBarChart rows={rows} groups={chartGroups} />
      <GroupHeatMap rows={rows} groups={chartGroups} voters={tally.voters.byGroup} />
      <h4>{t('results.provenanceHeading')}</h4>
      <ThemeProvenance tally={tally} cards={cards} participants={participants} groupName={groupName} />
      {showPerPerson && !tally.anonymous && <PerPersonTable tally={tally} participants={participants} groupName={groupName} />}
    </>
  );
}

function chartRows(tally: Tally): ChartRow[] {
  return tally.items.map(({ id, rank, title, total, byGroup, contested }) => ({ id, rank, title, total, byGroup, contested }));
}
