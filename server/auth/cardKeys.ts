import crypto from 'node:crypto';
import type { Identity } from '../storage/Identity.js';

/**
 * What a participant's cards carry as their author while cards are anonymous: nobody without the token's hash,
 * which only the server holds, can tie it to the participant, and it lasts as long as the token (a participant's
 * one token is minted when they join and never replaced).
 */
export function cardKeyOf(tokenHash: string): string {
  return 'k_' + crypto.createHmac('sha256', tokenHash).update('card author').digest('base64url').slice(0, 22);
}

/** Every participant's card key, by participant id: one read of the board's tokens and one per token. */
export async function cardKeysOf(identity: Pick<Identity, 'listTokenHashes' | 'findToken'>, boardId: string): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const hash of await identity.listTokenHashes(boardId)) {
    const token = await identity.findToken(hash);
    if (token?.participantId) keys.set(token.participantId, cardKeyOf(hash));
  }
  return keys;
}
