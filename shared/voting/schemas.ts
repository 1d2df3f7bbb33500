import { z } from 'zod';
import type { RoundState, Tally } from './types.js';

/**
 * The shapes of a round's public state and of a tally as they sit in the control document. Only the server
 * writes them, but every reader (a browser too) checks them when it reads, so an entry of an older or damaged
 * document is skipped instead of crashing a screen.
 */
const counts = z.record(z.string(), z.number());
const voters = z.object({ total: z.number(), byGroup: counts });
const roundItem = z.object({ id: z.string(), kind: z.enum(['theme', 'card']), title: z.string() });

export const roundStateSchema: z.ZodType<RoundState> = z.object({
  id: z.string(),
  number: z.number(),
  state: z.enum(['open', 'closed', 'revealed']),
  settings: z.object({ budget: z.number(), cap: z.number(), anonymous: z.boolean(), runoffOf: z.string().optional() }),
  items: z.array(roundItem),
  openedAt: z.number(),
  closedAt: z.number().optional(),
  revealedAt: z.number().optional(),
  voters,
});

export const tallySchema: z.ZodType<Tally> = z.object({
  roundId: z.string(),
  anonymous: z.boolean(),
  groups: z.array(z.string()),
  merged: z.array(z.string()).optional(),
  groupNames: z.record(z.string(), z.string()).optional(),
  voters,
  items: z.array(
    roundItem.extend({
      total: z.number(),
      byGroup: counts,
      balanced: z.number(),
      consensus: z.number().nullable(),
      contested: z.boolean(),
      rank: z.number(),
      balancedRank: z.number(),
    }),
  ),
  runoff: z.object({ fromRound: z.string(), votersDiffer: z.boolean() }).optional(),
});
