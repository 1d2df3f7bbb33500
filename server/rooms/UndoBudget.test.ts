import { describe, expect, it } from 'vitest';
import { UndoBudget } from './UndoBudget.js';

describe('the undo allowance of a writer', () => {
  it('allows a burst of five, then one more every two seconds, per writer', () => {
    let now = 0;
    const budget = new UndoBudget(() => now);
    for (let i = 0; i < 5; i++) {
      expect(budget.allows('participant:mallory')).toBe(true);
      budget.spend('participant:mallory');
    }
    expect(budget.allows('participant:mallory')).toBe(false);
    expect(budget.allows('participant:eva')).toBe(true);
    now = 1999;
    expect(budget.allows('participant:mallory')).toBe(false);
    now = 2000;
    expect(budget.allows('participant:mallory')).toBe(true);
    budget.spend('participant:mallory');
    expect(budget.allows('participant:mallory')).toBe(false);
    now = 2000 + 5 * 2000;
    for (let i = 0; i < 5; i++) budget.spend('participant:mallory');
    expect(budget.allows('participant:mallory')).toBe(false);
  });
});
