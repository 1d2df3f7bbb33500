import { buildPriorityList, toCsv, toJson, toMarkdown, type PriorityList } from '../../shared/export/index.js';
import { BOARD_DOC } from '../../shared/rooms.js';
import { readStoredDoc } from '../storage/DocumentLog.js';
import type { Stores } from '../storage/Stores.js';
import { boardInput, storedView } from './Exports.js';

type StoresCompared = Pick<Stores, 'log' | 'identity' | 'facts' | 'agreements'>;

/**
 * A board's priority lists as files, read straight from a store without loading a room (which would write to
 * it): every frozen version, and the list as it stands (draft or latest results) at a fixed export time. Two
 * stores holding the same board give the same files: what `npm run migrate` compares after a copy.
 */
async function storedExports(stores: StoresCompared, boardId: string): Promise<Record<string, string>> {
  const [board, facts, frozen] = await Promise.all([readStoredDoc(stores.log, boardId, BOARD_DOC), stores.facts.read(boardId), stores.agreements.list(boardId)]);
  const stored = storedView(facts);
  const current = buildPriorityList({ ...boardInput(board, stored, facts.people.participants), draft: stored.agreementDraft ?? undefined, exportedAt: 0 });
  const lists: Array<[string, PriorityList]> = [...frozen.map(({ version, list }): [string, PriorityList] => [`v${version}`, list]), ['current', current]];
  // Each list in every text format a reader downloads.
  return Object.fromEntries(lists.flatMap(([name, list]) => [[`${name}.json`, toJson(list)], [`${name}.csv`, toCsv(list)], [`${name}.md`, toMarkdown(list)]]));
}

/**
 * The boards whose files differ between two stores (and those missing from the second), in the first store's
 * order. Every board of the first store is compared: a board counts as idle before the end of time.
 */
export async function boardsWithDifferentExports(from: StoresCompared, to: StoresCompared): Promise<{ compared: number; differing: string[] }> {
  const boardIds = await from.identity.listIdleBoards(Number.MAX_SAFE_INTEGER);
  const differing: string[] = [];
  for (const boardId of boardIds) {
    const [before, after] = await Promise.all([storedExports(from, boardId), (await to.identity.getBoard(boardId)) ? storedExports(to, boardId) : null]);
    if (after === null || JSON.stringify(before) !== JSON.stringify(after)) differing.push(boardId);
  }
  return { compared: boardIds.length, differing };
}
