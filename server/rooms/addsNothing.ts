import * as Y from 'yjs';

/**
 * Whether `update` holds nothing `doc` lacks: every item it carries is below the document's clock for its
 * client, and every range it deletes is deleted already. Readers' clients send one such update (their sync
 * step 2) on every connection, so it is answered from the update and the document's index alone, without
 * encoding or copying the document: a reconnect storm of observers costs microseconds per client, not a
 * copy of the board each. Bytes that do not decode add something as far as the caller is concerned.
 */
export function addsNothing(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue; // a gap in a merged update, not content
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) if (!deletedAlready(doc, client, clock, len)) return false;
  }
  return true;
}

/** Whether the document holds every struct of the range, each deleted (garbage-collected ones count as deleted). */
function deletedAlready(doc: Y.Doc, client: number, clock: number, len: number): boolean {
  if (len <= 0) return true;
  if (clock + len > Y.getState(doc.store, client)) return false;
  // A client's structs cover its clocks from 0 to its state without gaps, ordered by clock.
  const structs = doc.store.clients.get(client) ?? [];
  for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < clock + len; i++) {
    if (!structs[i].deleted) return false;
  }
  return true;
}
