import { describe, expect, it } from 'vitest';
import { bestTableFor, proposeSeating, tableCount, type Seated, type TableInfo } from './seating.js';

const tables = (n: number): TableInfo[] => Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, number: i + 1, name: '', hostId: null, timer: { status: 'idle' } }));
const room = (sizes: Record<string, number>): Seated[] =>
  Object.entries(sizes).flatMap(([group, size]) => Array.from({ length: size }, (_, i) => ({ id: `${group}-${i}`, group })));

/** Per table, how many of each group sit at it. */
function mix(people: Seated[], seats: Record<string, string>): Map<string, Map<string, number>> {
  const byTable = new Map<string, Map<string, number>>();
  for (const p of people) {
    const at = byTable.get(seats[p.id]!) ?? new Map<string, number>();
    at.set(p.group, (at.get(p.group) ?? 0) + 1);
    byTable.set(seats[p.id]!, at);
  }
  return byTable;
}

describe('seating', () => {
  it('deals each group over the tables so that no table has two more of a group, or two more people, than another', () => {
    const people = room({ company: 22, union: 14, region: 13, school: 11 });
    const { seats } = proposeSeating(people, tables(6));
    expect(Object.keys(seats)).toHaveLength(60);
    const byTable = mix(people, seats);
    const sizes = [...byTable.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0));
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const group of ['company', 'union', 'region', 'school']) {
      const counts = [...byTable.values()].map((m) => m.get(group) ?? 0);
      expect(Math.max(...counts) - Math.min(...counts), group).toBeLessThanOrEqual(1);
    }
  });

  it('spreads the members of small groups over different tables, the emptier first, so no table is left unmixed', () => {
    const people = room({ company: 6, union: 2, school: 1 });
    const byTable = mix(people, proposeSeating(people, tables(3)).seats);
    expect([...byTable.values()].map((m) => m.size)).toEqual([2, 2, 2]);
  });

  it('seats a late-comer where fewest of their group sit, then where fewest people sit', () => {
    const seating = { tables: tables(3), seats: { a: 't1', b: 't2', c: 't2', d: 't3' } };
    const group: Record<string, string> = { a: 'union', b: 'company', c: 'company', d: 'company' };
    expect(bestTableFor(seating, (id) => group[id], 'union')?.id).toBe('t3');
    expect(bestTableFor(seating, (id) => group[id], 'company')?.id).toBe('t1');
    expect(bestTableFor({ tables: [], seats: {} }, () => undefined, 'union')).toBeUndefined();
  });

  it('asks for enough tables of a size', () => {
    expect(tableCount(60, { size: 8 })).toBe(8);
    expect(tableCount(60, { count: 6 })).toBe(6);
    expect(tableCount(0, { size: 8 })).toBe(1);
  });
});
