import { describe, expect, it } from 'vitest';
import type { AgreementItem } from '../../shared/export/types';
import { isKept } from '../../shared/agreement';
import { dropItem, mergeItem, moveKept, restoreItem } from './draftEdits';

const item = (itemId: string): AgreementItem => ({ itemId, title: itemId.toUpperCase(), owner: '', nextStep: '' });
const ids = (items: AgreementItem[]) => items.map((i) => i.itemId);

describe('draft edits', () => {
  const list = ['a', 'b', 'c', 'd'].map(item);

  it('moves a kept priority among the kept ones', () => {
    expect(ids(moveKept(list, 'c', 0))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(moveKept(list, 'a', 3))).toEqual(['b', 'c', 'd', 'a']);
    expect(moveKept(list, 'a', 4)).toBe(list);
  });

  it('keeps dropped items after the kept ones', () => {
    const dropped = dropItem(list, 'b', 'covered elsewhere');
    expect(ids(dropped)).toEqual(['a', 'c', 'd', 'b']);
    expect(dropped[3]!.dropped).toEqual({ reason: 'covered elsewhere' });
    expect(ids(moveKept(dropped, 'd', 0))).toEqual(['d', 'a', 'c', 'b']);
  });

  it('re-points merges so every merge targets a kept priority', () => {
    const once = mergeItem(list, 'c', 'b');
    const twice = mergeItem(once, 'b', 'a');
    expect(twice.find((i) => i.itemId === 'c')!.mergedInto).toBe('a');
    expect(twice.find((i) => i.itemId === 'b')!.mergedInto).toBe('a');
    expect(ids(twice.filter(isKept))).toEqual(['a', 'd']);
  });

  it('frees the items merged into a dropped one', () => {
    const merged = mergeItem(list, 'c', 'b');
    const dropped = dropItem(merged, 'b', 'out of scope');
    const c = dropped.find((i) => i.itemId === 'c')!;
    expect(isKept(c)).toBe(true);
  });

  it('restores an item as the last priority', () => {
    const restored = restoreItem(dropItem(list, 'a', 'no owner'), 'a');
    expect(ids(restored)).toEqual(['b', 'c', 'd', 'a']);
    expect(restored.every(isKept)).toBe(true);
  });
});
