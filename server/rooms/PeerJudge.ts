import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { AcceptedState, Change } from './AcceptedState.js';
import { addsNothing } from './addsNothing.js';
import type { ApplyResult, ChangePolicy, Derivation, RoomPeer } from './types.js';
import type { UndoBudget } from './UndoBudget.js';

/** A client's update applied and allowed (with what to derive once stored), or the answer it gets instead. */
export type Verdict = { change: Change; derived: (() => unknown) | null } | { answer: ApplyResult };

/**
 * Judges a client's update against the document's policy, inside a job of the room's queue: what needs no look
 * at the content first, then the update applied and its transaction checked, then derived. Anything refused
 * is undone before the verdict returns; an allowed change is left in the document for the room to store.
 */
export class PeerJudge {
  constructor(
    private readonly where: { board: string; doc: string },
    private readonly state: AcceptedState,
    private readonly policy: ChangePolicy,
    private readonly options: { derive?: Derivation; log: Logger },
    private readonly undoBudget: UndoBudget,
  ) {}

  judge(peer: RoomPeer, update: Uint8Array): Verdict {
    if (peer.closedByServer) return { answer: { ok: true } }; // nothing a refused or removed connection still sent may stand
    const { doc } = this.state;
    // Refusals that need no look at the content cost nothing: the document is not touched.
    const writerRefused = this.policy.refuseWriter?.(peer.writer) ?? null;
    if (writerRefused !== null) {
      // Every client answers the server's greeting with its sync step 2, readers too; one that adds nothing is no write.
      if (addsNothing(doc, update)) return { answer: { ok: true } };
      return { answer: { ok: false, kind: 'refused', reason: writerRefused } };
    }
    const writer = `${peer.writer.role}:${peer.writer.authorId}`;
    const allowance = this.undoBudget.allowance(writer);
    if (allowance === 'spent') return { answer: { ok: false, kind: 'refused', reason: 'too many refused changes; wait a moment, then edit again' } };
    if (allowance === 'busy' && !addsNothing(doc, update)) return { answer: { ok: false, kind: 'unavailable', reason: 'this board is busy; try again shortly' } };
    let gap: boolean;
    try {
      gap = buildsOnUnknownState(doc, update);
    } catch {
      return { answer: { ok: false, kind: 'malformed', reason: 'invalid update' } };
    }
    if (gap) return { answer: { ok: 'missing-state' } };
    const refuse = (answer: ApplyResult): Verdict => {
      this.undoBudget.spend(writer);
      this.state.undo();
      return { answer };
    };
    this.state.expectChange();
    try {
      Y.applyUpdate(doc, update, peer);
    } catch {
      return refuse({ ok: false, kind: 'malformed', reason: 'invalid update' });
    }
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return refuse({ ok: 'missing-state' });
    const change = this.state.take();
    if (change === null) return { answer: { ok: true } }; // nothing new
    let refusal: string | null;
    let derived: (() => unknown) | null = null;
    try {
      refusal = this.policy.check(change.tr, doc, peer.writer);
      if (refusal === null) derived = this.options.derive?.(doc) ?? null;
    } catch (err) {
      this.options.log.error('a client change could not be judged or derived', { ...this.where, error: String(err), stack: (err as Error)?.stack });
      return refuse({ ok: false, kind: 'failed', reason: 'the server could not process this change' });
    }
    if (refusal !== null) return refuse({ ok: false, kind: 'refused', reason: refusal });
    this.undoBudget.acceptedFrom(writer);
    return { change, derived };
  }
}

/**
 * Whether the update continues some client's changes past what the document has: it would be left
 * pending, so it is answered with a request for state before it is applied. (An update whose items only
 * refer to unknown ones is still caught after applying, and undone.)
 */
function buildsOnUnknownState(doc: Y.Doc, update: Uint8Array): boolean {
  const { from } = Y.parseUpdateMeta(update);
  for (const [client, clock] of from) if (clock > Y.getState(doc.store, client)) return true;
  return false;
}
