import type { BoardSummary } from '../../shared/api';
import type { BoardMeta } from '../../shared/controlDoc';
import { AgreeSlide } from './AgreeSlide';
import { ClusterSlide } from './ClusterSlide';
import { CollectSlide } from './CollectSlide';
import { JoinSlide } from './JoinSlide';
import { QuestionsSlide } from './QuestionsSlide';
import { ResultsSlide } from './ResultsSlide';
import { TurnoutSlide } from './TurnoutSlide';
import { TablesMosaic } from '../tables/TableGlance';
import { TableSlide } from './TableSlide';
import { useSeating } from '../tables/useSeating';
import { ProgressCheckSlide } from '../followUp/ProgressCheckSlide';
import { useBoard } from '../kernel/BoardContext';
import { useProgressCheck } from '../kernel/useBoardData';

interface Props {
  summary: BoardSummary;
  meta: BoardMeta;
}

/** One slide per phase: what the room needs to see while that phase runs; an open questions round goes before it. */
export function ProjectorSlides({ summary, meta }: Props) {
  // While the room sits at breakout tables, the wall shows every table's counts and themes, or the one the facilitator chose.
  const seating = useSeating();
  const progressCheck = useProgressCheck(useBoard().controlDoc);
  const onWall = seating.tables.find((table) => table.id === seating.wall);
  if (meta.settings.questionsOpen) return <QuestionsSlide />;
  if (seating.tables.length > 0 && (meta.phase === 'collect' || meta.phase === 'cluster')) return onWall ? <TableSlide table={onWall} /> : <TablesMosaic large />;
  switch (meta.phase) {
    case 'setup':
      return <JoinSlide share={summary.share} groups={meta.groups} />;
    case 'progress':
      return progressCheck ? <ProgressCheckSlide progressCheck={progressCheck} /> : <JoinSlide share={summary.share} groups={meta.groups} />;
    case 'collect':
      return <CollectSlide meta={meta} share={summary.share} role={summary.you.role} />;
    case 'cluster':
      return <ClusterSlide />;
    case 'vote':
      return <TurnoutSlide groups={meta.groups} />;
    case 'results':
      return <ResultsSlide groups={meta.groups} />;
    case 'agree':
      return <AgreeSlide groups={meta.groups} />;
  }
}
