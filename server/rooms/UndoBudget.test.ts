import { describe, expect, it } from 'vitest';
import { UndoBudget } from './UndoBudget.js';

describe('the undo allowance', () => {
  it('refuses a writer refused lately upfront once the document has spent its allowance, until it comes back', () => {
    let now = 0;
    const budget = new UndoBudget(3, () => now);
    budget.acceptedFrom('participant:eva');
    for (let i = 0; i < 3; i++) {
      expect(budget.allowance('participant:mallory')).toBe('judge');
      budget.spend('participant:mallory');
    }
    expect(budget.allowance('participant:mallory')).toBe('spent');
    expect(budget.allowance('participant:eva')).toBe('judge');
    now = 4999;
    expect(budget.allowance('participant:mallory')).toBe('spent');
    now = 5000;
    expect(budget.allowance('participant:mallory')).toBe('judge');
    budget.spend('participant:mallory');
    expect(budget.allowance('participant:mallory')).toBe('spent');
  });

  it('gives a crowd of new writers no more undos than the document allows, and keeps judging writers it accepted', () => {
    let now = 0;
    const budget = new UndoBudget(3, () => now);
    budget.acceptedFrom('participant:eva');
    const puppets = Array.from({ length: 20 }, (_, k) => `participant:puppet-${k}`);
    let undone = 0;
    for (const puppet of puppets) {
      for (let i = 0; i < 5; i++) {
        if (budget.allowance(puppet) !== 'judge') continue;
        budget.spend(puppet);
        undone++;
      }
    }
    expect(undone).toBe(3);
    expect(budget.allowance('participant:puppet-19')).toBe('busy');
    expect(budget.allowance('participant:puppet-0')).toBe('spent');
    expect(budget.allowance('participant:puppet-1')).toBe('busy');
    expect(budget.allowance('participant:eva')).toBe('judge');
    now = 5000 * 3;
    expect(budget.allowance('participant:puppet-19')).toBe('judge');
  });
});
