import type { PresentationStep } from '../../shared/presentation.js';
import { DomainError } from '../DomainError.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import type { BallotBox } from '../storage/BallotBox.js';
import { changeBoardState, type BoardFacts } from '../storage/BoardFacts.js';

/**
 * The facilitator steps through a revealed ranking on the projector. Only a revealed round can be shown, so
 * the projector can never be made to hint at a round that is still secret.
 */
export async function stepPresentation(
  services: { ballots: Pick<BallotBox, 'getRound'>; facts: BoardFacts; projection: Pick<ControlProjection, 'show'> },
  boardId: string,
  step: PresentationStep,
): Promise<PresentationStep> {
  const tally = (await services.ballots.getRound(boardId, step.roundId))?.tally;
  if (!tally) throw DomainError.refusal('conflict', 'round-not-revealed', 'only a revealed round can be presented', 'roundId');
  const shown = { roundId: step.roundId, revealed: Math.min(step.revealed, tally.items.length) };
  await changeBoardState(services.facts, boardId, () => ({ presentation: shown }));
  await services.projection.show(boardId);
  return shown;
}
