import { countByStatus, type RegisterItem, type RegisterItemState, type RegisterLogEntry, type RegisterSource, type RegisterStatus } from '../../shared/register.js';

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

/** A count per status as both databases group them: one row per status present, or one with `status` null for a register without items. */
export interface StatusCountRow {
  status: RegisterStatus | null;
  count: number;
}

/** The counts of a register from its grouped rows; null when there were none, so no register. */
export function statusCountsOf(rows: StatusCountRow[]): Record<RegisterStatus, number> | null {
  if (rows.length === 0) return null;
  const counts = countByStatus([]);
  for (const { status, count } of rows) if (status !== null) counts[status] = count;
  return counts;
}
