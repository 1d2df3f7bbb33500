import { describe, expect, it } from 'vitest';
import { validateBallot } from './ballot.js';
import type { RoundItem, RoundSettings } from './types.js';

const items: RoundItem[] = [
  { id: 'skills', kind: 'theme', title: 'Kompetensförsörjning' },
  { id: 'grid', kind: 'theme', title: 'Energietransitie' },
  { id: 'wind', kind: 'card', title: 'Skills gap in offshore wind maintenance' },
];
const settings: RoundSettings = { budget: 5, cap: 3, anonymous: true };

describe('validateBallot', () => {
  it('accepts a full ballot, a partial one, zeros and an empty one', () => {
    expect(validateBallot({ skills: 3, grid: 2 }, items, settings)).toEqual({ ok: true });
    expect(validateBallot({ wind: 1 }, items, settings)).toEqual({ ok: true });
    expect(validateBallot({ skills: 0, grid: 0 }, items, settings)).toEqual({ ok: true });
    expect(validateBallot({}, items, settings)).toEqual({ ok: true });
  });

  it('refuses an item that is not in the round, naming it', () => {
    expect(validateBallot({ skills: 1, 'deleted-theme': 1 }, items, settings)).toEqual({
      ok: false,
      code: 'unknown-item',
      error: 'not an item of this round',
      field: 'allocations.deleted-theme',
    });
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s dots', (dots) => {
    expect(validateBallot({ grid: dots }, items, settings)).toEqual({
      ok: false,
      code: 'not-whole-number',
      error: 'must be a whole number of dots, 0 or more',
      field: 'allocations.grid',
    });
  });

  it('refuses more dots on one item than the cap', () => {
    expect(validateBallot({ grid: 4 }, items, settings)).toEqual({
      ok: false,
      code: 'over-cap',
      error: 'at most 3 dots per item',
      field: 'allocations.grid',
    });
  });

  it('refuses more dots in total than the budget', () => {
    expect(validateBallot({ skills: 3, grid: 2, wind: 1 }, items, settings)).toEqual({
      ok: false,
      code: 'over-budget',
      error: 'at most 5 dots in total, this ballot has 6',
      field: 'allocations',
    });
  });
});
