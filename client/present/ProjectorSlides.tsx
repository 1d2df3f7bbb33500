import type * as Y from 'yjs';
import type { BoardSummary } from '../../shared/api';
import type { BoardMeta } from '../../shared/controlDoc';
import { AgreeSlide } from './AgreeSlide';
import { ClusterSlide } from './ClusterSlide';
import { CollectSlide } from './CollectSlide';
import { JoinSlide } from './JoinSlide';
import { ResultsSlide } from './ResultsSlide';
import { TurnoutSlide } from './TurnoutSlide';

interface Props {
  summary: BoardSummary;
  meta: BoardMeta;
  boardDoc: Y.Doc;
  controlDoc: Y.Doc;
}

/** One slide per phase: what the room needs to see while that phase runs. */
export function ProjectorSlides({ summary, meta, boardDoc, controlDoc }: Props) {
  switch (meta.phase) {
    case 'setup':
      return <JoinSlide share={summary.share} groups={meta.groups} controlDoc={controlDoc} />;
    case 'collect':
      return <CollectSlide meta={meta} boardDoc={boardDoc} share={summary.share} />;
    case 'cluster':
      return <ClusterSlide boardDoc={boardDoc} />;
    case 'vote':
      return <TurnoutSlide controlDoc={controlDoc} groups={meta.groups} />;
    case 'results':
      return <ResultsSlide controlDoc={controlDoc} groups={meta.groups} />;
    case 'agree':
      return <AgreeSlide controlDoc={controlDoc} />;
  }
}
