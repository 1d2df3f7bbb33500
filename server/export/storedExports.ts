import * as Y from 'yjs';
import { readAgreementDraft } from '../../shared/controlDoc.js';
import { buildPriorityList, toCsv, toJson, toMarkdown } from '../../shared/export/index.js';
import { BOARD_DOC, CONTROL_DOC } from '../../shared/rooms.js';
import type { Stores } from '../storage/Stores.js';
import { boardInputOf } from './Exports.js';

/**
 * A board's priority lists as files, read straight from a store without loading a room (which would write to
 * it): every frozen version, and the list as it stands (draft or latest results) at a fixed export time. Two
 * stores holding the same board give the same files: what `npm run migrate` compares after a copy.
 */
export async function storedExports(stores: Pick<Stores, 'log' | 'identity' | 'agreements'>, boardId: string): Promise<Record<string, string>> {
  const [board, control, participants, frozen] = await Promise.all([
    storedDoc(stores, boardId, BOARD_DOC),
    storedDoc(stores, boardId, CONTROL_DOC),
    stores.identity.listParticipants(boardId),
    stores.agreements.list(boardId),
  ]);
  const files: Record<string, string> = {};
  for (const { version, list } of frozen) {
    files[`v${version}.json`] = toJson(list);
    files[`v${version}.csv`] = toCsv(list);
  }
  const current = buildPriorityList({ ...boardInputOf(board, control, participants), draft: readAgreementDraft(control), exportedAt: 0 });
  files['current.json'] = toJson(current);
  files['current.csv'] = toCsv(current);
  files['current.md'] = toMarkdown(current);
  return files;
}

async function storedDoc(stores: Pick<Stores, 'log'>, boardId: string, name: string): Promise<Y.Doc> {
  const stored = await stores.log.load(boardId, name);
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * The boards whose files differ between two stores (and those missing from the second), in the first store's
 * order. Every board of the first store is compared: a board counts as idle before the end of time.
 */
export async function boardsWithDifferentExports(from: Pick<Stores, 'log' | 'identity' | 'agreements'>, to: Pick<Stores, 'log' | 'identity' | 'agreements'>): Promise<{ compared: number; differing: string[] }> {
  const boardIds = await from.identity.listIdleBoards(Number.MAX_SAFE_INTEGER);
  const differing: string[] = [];
  for (const boardId of boardIds) {
    const [before, after] = await Promise.all([storedExports(from, boardId), (await to.identity.getBoard(boardId)) ? storedExports(to, boardId) : null]);
    if (after === null || JSON.stringify(before) !== JSON.stringify(after)) differing.push(boardId);
  }
  return { compared: boardIds.length, differing };
}
