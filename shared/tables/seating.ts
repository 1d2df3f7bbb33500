import { z } from 'zod';
import type { TimerState } from '../timer.js';
import { LIMITS } from '../limits.js';

/**
 * Breakout tables: the room split into tables that each collect and cluster on a board of their own, then
 * merged back into the plenary. This file holds the seating: who sits where, and the one rule that decides it.
 */

export interface TableInfo {
  id: string;
  /** 1, 2, 3 … in the order the tables were proposed; a table without a name is called by it. */
  number: number;
  /** What the room calls it ("Table 4, by the window"); empty for none. */
  name: string;
  /** A participant who may run the table's timer and clustering; null for none. */
  hostId: string | null;
  /** The table's own countdown, run by its host or the facilitator. */
  timer: TimerState;
}

/** A table as a seating creates it: its timer starts idle. */
export type NewTable = Omit<TableInfo, 'timer'>;

/** A card's provenance: the table it was written at, as the table was called when the tables were merged. */
export const cardTableSchema = z
  .object({
    number: z.number('a card\'s table is numbered').int('a card\'s table is numbered').min(1, 'a card\'s table is numbered'),
    name: z.string('a card\'s table name is text').max(LIMITS.maxTableName, `table name over ${LIMITS.maxTableName} characters (maxTableName)`),
  })
  .strict();
export type CardTable = z.infer<typeof cardTableSchema>;

export interface Seating {
  /** In number order. */
  tables: TableInfo[];
  /** participantId → tableId. */
  seats: Record<string, string>;
  /** The table the projector shows large, on the facilitator's request; null for the mosaic of every table. */
  wall: string | null;
}

export const NO_SEATING: Seating = { tables: [], seats: {}, wall: null };

/** The table's host while they sit at it: moved or removed, the table has none, at once. */
export function hostOf(seating: Pick<Seating, 'tables' | 'seats'>, tableId: string): string | null {
  const hostId = seating.tables.find((table) => table.id === tableId)?.hostId ?? null;
  return hostId !== null && seating.seats[hostId] === tableId ? hostId : null;
}

/** Someone to seat: only their stakeholder group matters to where. */
export interface Seated {
  id: string;
  group: string;
}

/**
 * The table where someone of `group` fits best: the one with fewest of their group, then fewest people, then the
 * lowest number. Dealing a room one person at a time by this rule mixes the groups as evenly as the room allows.
 */
export function bestTableFor(seating: Pick<Seating, 'tables' | 'seats'>, groupOf: (participantId: string) => string | undefined, group: string): TableInfo | undefined {
  const people = new Map<string, number>();
  const ofGroup = new Map<string, number>();
  for (const [participantId, tableId] of Object.entries(seating.seats)) {
    people.set(tableId, (people.get(tableId) ?? 0) + 1);
    if (groupOf(participantId) === group) ofGroup.set(tableId, (ofGroup.get(tableId) ?? 0) + 1);
  }
  let best: TableInfo | undefined;
  const score = (t: TableInfo) => [ofGroup.get(t.id) ?? 0, people.get(t.id) ?? 0, t.number];
  for (const table of seating.tables) {
    if (!best || lexicographicallyBefore(score(table), score(best))) best = table;
  }
  return best;
}

function lexicographicallyBefore(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/**
 * Seats everyone at `tables` (already numbered, empty): the largest group first, each member in turn at the table
 * where they fit best (`bestTableFor`), so each group is dealt round-robin over the tables and every table gets as
 * many groups as its size allows.
 */
export function proposeSeating(people: readonly Seated[], tables: TableInfo[]): Seating {
  const groups = new Map<string, Seated[]>();
  for (const person of people) groups.set(person.group, [...(groups.get(person.group) ?? []), person]);
  const largestFirst = [...groups.entries()].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : a > b ? 1 : 0));
  const groupOf = new Map(people.map((p) => [p.id, p.group]));
  const seating: Seating = { tables, seats: {}, wall: null };
  for (const [group, members] of largestFirst) {
    for (const member of members) {
      const table = bestTableFor(seating, (id) => groupOf.get(id), group);
      if (table) seating.seats[member.id] = table.id;
    }
  }
  return seating;
}

/** How many tables a room of `people` needs: the number asked for, or enough tables of at most `size`. */
export function tableCount(people: number, ask: { count: number } | { size: number }): number {
  return 'count' in ask ? ask.count : Math.max(1, Math.ceil(people / ask.size));
}

/** The table a participant sits at, if any. */
export function tableOf(seating: Seating, participantId: string): TableInfo | undefined {
  const tableId = seating.seats[participantId];
  return tableId === undefined ? undefined : seating.tables.find((t) => t.id === tableId);
}

/** What a table is called: its name, else "Table <number>" in the reader's words. */
export function tableLabel(table: Pick<TableInfo, 'number' | 'name'>, numbered: (number: number) => string): string {
  return table.name || numbered(table.number);
}

/** A table that raised a priority, with how many of its cards it wrote. */
export type TableBehind = CardTable & { cards: number };

/** Which breakout tables wrote these cards, in table-number order; none for cards that never sat at a table. */
export function tablesBehind(cards: ReadonlyArray<{ table?: CardTable }>): TableBehind[] {
  const byNumber = new Map<number, TableBehind>();
  for (const { table } of cards) {
    if (!table) continue;
    const counted = byNumber.get(table.number) ?? { ...table, cards: 0 };
    counted.cards++;
    byNumber.set(table.number, counted);
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/** The tables that raised a priority as one line, "Table 1 (3); By the window (2)", the same in every export and the report. */
export function tablesRaised(tables: readonly TableBehind[], label: (table: CardTable) => string): string {
  return tables.map((table) => `${label(table)} (${table.cards})`).join('; ');
}
