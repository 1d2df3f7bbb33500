import type { BoardSummary } from '../../shared/api';
import type { BoardMeta } from '../../shared/controlDoc';
import { AgreeSlide } from './AgreeSlide';
import { ClusterSlide } from './ClusterSlide';
import { CollectSlide } from './CollectSlide';
import { JoinSlide } from './JoinSlide';
import { QuestionsSlide } from './QuestionsSlide';
import { ResultsSlide } from './ResultsSlide';
import { TurnoutSlide } from './TurnoutSlide';

interface Props {
  summary: BoardSummary;
  meta: BoardMeta;
}

/** One slide per phase: what the room needs to see while that phase runs; an open questions round goes before it. */
export function ProjectorSlides({ summary, meta }: Props) {
  if (meta.settings.questionsOpen) return <QuestionsSlide />;
  switch (meta.phase) {
    case 'setup':
      return <JoinSlide share={summary.share} groups={meta.groups} />;
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
