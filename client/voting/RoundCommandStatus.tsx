import type { RoundState } from '../../shared/voting/types';
import { useT } from '../app/i18n';

/** A round command this facilitator gave, by the state it leaves the round in. */
export interface RoundCommandDone {
  roundId: string;
  state: RoundState['state'];
}

const MESSAGES = { open: 'status.roundOpened', closed: 'status.roundClosed', revealed: 'status.roundRevealed' } as const;

/**
 * Says that the facilitator's last round command was done, as long as the round is still in the state it
 * left: once a co-facilitator moves the round on, the line goes quiet instead of telling an old story.
 */
export function RoundCommandStatus({ done, rounds }: { done: RoundCommandDone | null; rounds: RoundState[] }) {
  const t = useT();
  const round = done ? rounds.find((candidate) => candidate.id === done.roundId && candidate.state === done.state) : undefined;
  return (
    <p className="command-status" role="status">
      {round && t(MESSAGES[round.state], { number: round.number })}
    </p>
  );
}
