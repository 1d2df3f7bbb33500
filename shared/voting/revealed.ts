import type { StakeholderGroup } from '../groups.js';
import type { RoundState, Tally } from './types.js';

export interface RevealedRound {
  round: RoundState;
  tally: Tally;
}

/**
 * Which rounds are revealed: those whose state says so and whose tally is there. Both are written in one
 * transaction on reveal, but a reader asks for both, so a half-synced document never shows a result without
 * its round or a round's figures before they exist. Oldest first.
 */
export function revealedRounds(rounds: readonly RoundState[], tallyOf: (roundId: string) => Tally | undefined): RevealedRound[] {
  return [...rounds]
    .sort((a, b) => a.number - b.number)
    .flatMap((round) => {
      const tally = round.state === 'revealed' ? tallyOf(round.id) : undefined;
      return tally ? [{ round, tally }] : [];
    });
}

/**
 * The board's groups under the names a round was tallied under, so renaming a group later does not relabel results
 * already revealed; a group gone from the board since keeps its name too. Without a tally, the board's groups.
 */
export function groupsAsTallied(groups: readonly StakeholderGroup[], tally: Tally | undefined): StakeholderGroup[] {
  const names = tally?.groupNames ?? {};
  const gone = Object.entries(names).filter(([id]) => !groups.some((group) => group.id === id));
  return [...groups.map((group) => ({ id: group.id, name: names[group.id] ?? group.name })), ...gone.map(([id, name]) => ({ id, name }))];
}
