import { z } from 'zod';
import { idSchema } from './boardSchema.js';

/**
 * What a client may put into its presence state: the card its person is typing in, or null. The server drops
 * every other field and adds `user` itself (who the connection is), so nobody can pose as someone else, fake
 * typing with a payload, or make every peer carry kilobytes of state. Anything that is not a card id reads as
 * not typing.
 */
export const clientPresence = z.object({ typing: idSchema('the card being typed in').nullable().catch(null).default(null) });

export type ClientPresence = z.infer<typeof clientPresence>;

/** The fields of a client's presence state that pass, whatever else it holds. */
export function presenceFields(state: Record<string, unknown>): ClientPresence {
  return clientPresence.parse(state);
}
