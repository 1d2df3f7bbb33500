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
