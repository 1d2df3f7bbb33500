import { FACILITATOR_ID } from '../../shared/controlDoc.js';
import type { Holder } from '../../shared/permissions.js';
import type { Role } from '../../shared/phases.js';
import type { Identity } from '../storage/Identity.js';
import { cardKeyOf } from './cardKeys.js';
import { hashToken } from './tokens.js';

/** Who sent an update: the role and identity the server resolved from the connection's token. */
export interface Writer {
  role: Role;
  /** The participant id, or FACILITATOR_ID for the facilitator, or null for observers. */
  authorId: string | null;
  /** A participant's card key (cardKeyOf): the author their cards carry while cards are anonymous; null for others. */
  cardKey: string | null;
}

export interface Access extends Holder {
  boardId: string;
  writer: Writer;
  participantId: string | null;
  /** The SHA-256 of the token, so that revoking one link can end exactly the sessions opened with it. */
  tokenHash: string;
  /** What the board shows of this person; put into awareness by the server. */
  identity: { id: string; role: Role; name: string | null; organisation: string | null; group: string | null };
}

export type AccessResult = { ok: true; access: Access } | { ok: false; problem: 'unknown-board' | 'invalid-token' };

/** Resolves a token for one board. A token of another board is as invalid as a made-up one. */
export async function resolveAccess(identity: Identity, boardId: string, token: string | null | undefined): Promise<AccessResult> {
  if (!(await identity.getBoard(boardId))) return { ok: false, problem: 'unknown-board' };
  if (!token || token.length > 200) return { ok: false, problem: 'invalid-token' };
  const tokenHash = hashToken(token);
  const record = await identity.findToken(tokenHash);
  if (!record || record.boardId !== boardId) return { ok: false, problem: 'invalid-token' };
  if (record.role === 'participant') {
    const p = record.participantId ? await identity.getParticipant(record.participantId) : undefined;
    if (!p) return { ok: false, problem: 'invalid-token' };
    return {
      ok: true,
      access: {
        boardId,
        role: 'participant',
        coFacilitator: false,
        participantId: p.id,
        tokenHash,
        writer: { role: 'participant', authorId: p.id, cardKey: cardKeyOf(tokenHash) },
        // Someone waiting to be let in to vote is named to the room only once a facilitator has let them in.
        identity:
          p.waitingSince != null
            ? { id: p.id, role: 'participant', name: null, organisation: null, group: null }
            : { id: p.id, role: 'participant', name: p.name, organisation: p.organisation, group: p.group },
      },
    };
  }
  const authorId = record.role === 'facilitator' ? FACILITATOR_ID : null;
  // Every minted link carries a name (the creator names a co-facilitator's); the creator's own link has none.
  const linkName = await identity.linkName(tokenHash);
  // Each observer or co-facilitator link is its own presence entry; the hash prefix tells links apart without revealing them.
  const presenceId = authorId !== null && linkName === null ? authorId : `${record.role}-${tokenHash.slice(0, 8)}`;
  return {
    ok: true,
    access: {
      boardId,
      role: record.role,
      coFacilitator: record.role === 'facilitator' && linkName !== null,
      participantId: null,
      tokenHash,
      writer: { role: record.role, authorId, cardKey: null },
      identity: { id: presenceId, role: record.role, name: linkName, organisation: null, group: null },
    },
  };
}
