import type { RegisterItem, RegisterItemState, RegisterLogEntry, RegisterSource } from '../../shared/register.js';

/** A register item as both databases store it: its state and source as JSON text, its log in rows of its own. */
export interface RegisterItemRow {
  itemId: string;
  position: number;
  state: string;
  source: string;
}

export interface RegisterLogRow {
  itemId: string;
  entry: string;
}

/** The values of an item's row: board, item, position, state, source. */
export function registerItemRow(boardId: string, item: Omit<RegisterItem, 'log'>): [string, string, number, string, string] {
  const { itemId, position, source, title, owner, status, dropReason, progress, nextReview } = item;
  const state: RegisterItemState = { title, owner, status, dropReason, progress, nextReview };
  return [boardId, itemId, position, JSON.stringify(state), JSON.stringify(source)];
}

/** Items in the order of their rows, each with its log entries in the order of theirs. */
export function registerItemsOf(rows: RegisterItemRow[], log: RegisterLogRow[]): RegisterItem[] {
  const logs = new Map<string, RegisterLogEntry[]>();
  for (const { itemId, entry } of log) {
    const entries = logs.get(itemId) ?? [];
    entries.push(JSON.parse(entry) as RegisterLogEntry);
    logs.set(itemId, entries);
  }
  return rows.map((row) => ({
    itemId: row.itemId,
    position: row.position,
    ...(JSON.parse(row.state) as RegisterItemState),
    source: JSON.parse(row.source) as RegisterSource,
    log: logs.get(row.itemId) ?? [],
  }));
}
