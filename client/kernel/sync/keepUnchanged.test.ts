import { describe, expect, it } from 'vitest';
import { keepUnchanged } from './keepUnchanged';

describe('keepUnchanged', () => {
  it('returns the previous value itself when the content is equal', () => {
    const previous = { title: 'Kick-off', groups: [{ id: 'g1', name: 'Employers' }], timer: { status: 'idle' } };
    expect(keepUnchanged(previous, structuredClone(previous))).toBe(previous);
  });

  it('keeps the unchanged parts of a changed value, down to each array item', () => {
    const previous = { groups: [{ id: 'g1', name: 'Employers' }, { id: 'g2', name: 'Unions' }], settings: { silent: true } };
    const next = { groups: [{ id: 'g1', name: 'Employers' }, { id: 'g2', name: 'Trade unions' }], settings: { silent: true } };
    const kept = keepUnchanged(previous, next);
    expect(kept).toEqual(next);
    expect(kept).not.toBe(previous);
    expect(kept.settings).toBe(previous.settings);
    expect(kept.groups[0]).toBe(previous.groups[0]);
    expect(kept.groups[1]).not.toBe(previous.groups[1]);
  });

  it('sees an item or a key removed, and a value that became null', () => {
    const previous: Record<string, unknown> = { a: 1, b: [1, 2, 3], c: { d: 1 } };
    expect(keepUnchanged(previous, { a: 1, b: [1, 2, 3] })).toEqual({ a: 1, b: [1, 2, 3] });
    expect(keepUnchanged(previous, { a: 1, b: [1, 2], c: { d: 1 } })).toEqual({ a: 1, b: [1, 2], c: { d: 1 } });
    expect(keepUnchanged(previous, { a: 1, b: [1, 2, 3], c: null })).toEqual({ a: 1, b: [1, 2, 3], c: null });
  });

  it('does not look inside what is not plain data', () => {
    const map = new Map([['p1', 'Anna']]);
    expect(keepUnchanged(map, new Map(map))).not.toBe(map);
  });
});
