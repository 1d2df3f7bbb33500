import './voting.css';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { BoardSummary } from '../../shared/api';
import type { BoardMeta } from '../../shared/controlDoc';
import { may, situationOf } from '../../shared/permissions';
import type { RoundState } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import type { ConnectionStatus } from '../kernel/sync/BoardConnection';
import { useBoard } from '../kernel/BoardContext';
import { useCards, useParticipants, useWaitingToVote } from '../kernel/useBoardData';
import { ExportPanel } from '../results/ExportPanel';
import { ResultsPanel } from '../results/ResultsPanel';
import { BallotForm } from './BallotForm';
import { RoundCommandStatus, type RoundCommandDone } from './RoundCommandStatus';
import { RoundControls } from './RoundControls';
import { useRevealedRounds, useRounds } from '../kernel/useRounds';
import { VoteItems } from './VoteItems';
import { VoterProgress } from './VoterProgress';
import { WaitingForFacilitator } from './WaitingForFacilitator';

// Drag-and-drop sorting is needed by the facilitator in one phase only.
const AgreePanel = lazy(() => import('../agree/AgreePanel'));

interface Props {
  summary: BoardSummary;
  meta: BoardMeta;
  connection: ConnectionStatus;
}

/** What the vote, results and agree phases add to the board, for each role. */
export function VotingPhases(props: Props) {
  const [done, setDone] = useState<RoundCommandDone | null>(null);
  const rounds = useRounds(useBoard().controlDoc);
  // Revealing moves the workshop from vote to results: the status line stays in one place across both, so it
  // is still mounted to say so.
  const saysRoundCommands = props.summary.you.role === 'facilitator' && (props.meta.phase === 'vote' || props.meta.phase === 'results');
  return (
    <>
      {saysRoundCommands && <RoundCommandStatus done={done} rounds={rounds} />}
      <PhaseContent {...props} onRoundCommand={setDone} />
    </>
  );
}

type ContentProps = Props & { onRoundCommand: (done: RoundCommandDone) => void };

function PhaseContent(props: ContentProps) {
  const { summary, meta } = props;
  const role = summary.you.role;
  const now = situationOf(meta);
  const canExport = may(role, 'export', now);
  if (meta.phase === 'vote') return <VotePhase {...props} />;
  if (meta.phase === 'results') {
    return (
      <>
        {role === 'facilitator' && <FacilitatorRounds {...props} folded />}
        <ResultsPanel groups={meta.groups} showPerPerson={role === 'facilitator'} />
        {canExport && <ExportPanel />}
      </>
    );
  }
  if (meta.phase === 'agree') {
    return (
      <>
        <Suspense fallback={null}>
          <AgreePanel canEdit={may(role, 'run-workshop', now)} canDownload={canExport} participantId={summary.you.participantId} groups={meta.groups} />
        </Suspense>
        {canExport && <ExportPanel />}
        <ResultsPanel groups={meta.groups} showPerPerson={role === 'facilitator'} />
      </>
    );
  }
  return null;
}

function VotePhase(props: ContentProps) {
  const { summary, meta } = props;
  const t = useT();
  const { controlDoc } = useBoard();
  const rounds = useRounds(controlDoc);
  const participants = useParticipants(controlDoc);
  const waiting = useWaitingToVote(summary.you, controlDoc);
  const current = rounds.find((round) => round.state !== 'revealed');

  if (summary.you.role === 'facilitator') {
    return (
      <>
        <FacilitatorRounds {...props} folded={false} />
        {current && <VoteItems round={current} />}
      </>
    );
  }
  if (waiting) return <WaitingForFacilitator />;
  if (!current) return <p className="notice">{t('vote.notOpenYet')}</p>;
  return (
    <>
      {current.state === 'open' && summary.you.participantId ? (
        <Ballot {...props} participantId={summary.you.participantId} round={current} />
      ) : (
        <p className="notice">{t(current.state === 'open' ? 'vote.inProgress' : 'vote.closed')}</p>
      )}
      <VoterProgress round={current} groups={meta.groups} participants={participants} />
    </>
  );
}

function FacilitatorRounds({ meta, folded, onRoundCommand }: ContentProps & { folded: boolean }) {
  const { controlDoc } = useBoard();
  const rounds = useRounds(controlDoc);
  const revealed = useRevealedRounds(controlDoc);
  const participants = useParticipants(controlDoc);
  return (
    <RoundControls
      rounds={rounds}
      revealed={revealed}
      groups={meta.groups}
      participants={participants}
      folded={folded}
      onDone={onRoundCommand}
    />
  );
}

function Ballot({ connection, participantId, round }: Props & { participantId: string; round: RoundState }) {
  const cards = useCards(useBoard().boardDoc);
  const cardTitlesByTheme = useMemo(() => {
    const byTheme = new Map<string, string[]>();
    for (const card of cards) if (card.cluster) byTheme.set(card.cluster, [...(byTheme.get(card.cluster) ?? []), card.title]);
    return byTheme;
  }, [cards]);
  return <BallotForm participantId={participantId} round={round} connection={connection} cardTitlesByTheme={cardTitlesByTheme} />;
}
