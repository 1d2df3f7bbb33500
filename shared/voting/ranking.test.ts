import { describe, expect, it } from 'vitest';
import { runoffChangedOrder } from './ranking.js';

/** A tally's items as far as the order goes: each id at its competition rank. */
const ranked = (...ranks: Array<[string, number]>) => ({ items: ranks.map(([id, rank]) => ({ id, rank })) }) as Parameters<typeof runoffChangedOrder>[0];

describe('runoffChangedOrder', () => {
  const round = ranked(['hydrogen', 1], ['skills', 2], ['grid', 3], ['housing', 3], ['permits', 5]);

  it('is false when the run-off keeps the order of its items, whatever the items it left out', () => {
    expect(runoffChangedOrder(ranked(['hydrogen', 1], ['skills', 2], ['grid', 3]), round)).toBe(false);
  });

  it('is true when two items change places', () => {
    expect(runoffChangedOrder(ranked(['skills', 1], ['hydrogen', 2], ['grid', 3]), round)).toBe(true);
  });

  it('is true when the run-off breaks a tie, or ties what was apart', () => {
    expect(runoffChangedOrder(ranked(['hydrogen', 1], ['grid', 2], ['housing', 3]), round)).toBe(true);
    expect(runoffChangedOrder(ranked(['hydrogen', 1], ['skills', 1]), round)).toBe(true);
  });
});
