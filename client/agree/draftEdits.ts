import { isKept } from '../../shared/agreement';
import type { AgreementItem } from '../../shared/export/types';
import type { Tally } from '../../shared/voting/types';

/**
 * Edits of the facilitator's draft, as pure functions over the item list. The list keeps the kept priorities
 * first, in the agreed order, then the dropped and merged items; a merge always points at a kept priority,
 * as the server requires (validateDraft in shared/agreement.ts).
 */

export function draftFromTally(tally: Tally, order: 'raw' | 'balanced'): AgreementItem[] {
  const items = order === 'raw' ? tally.items : [...tally.items].sort((a, b) => a.balancedRank - b.balancedRank || b.total - a.total);
  return items.map((item) => ({ itemId: item.id, title: item.title, owner: '', nextStep: '' }));
}

/** Moves a kept priority to another place among the kept ones. */
export function moveKept(items: AgreementItem[], itemId: string, toIndex: number): AgreementItem[] {
  const kept = items.filter(isKept);
  const from = kept.findIndex((item) => item.itemId === itemId);
  if (from < 0 || toIndex < 0 || toIndex >= kept.length) return items;
  const [moved] = kept.splice(from, 1);
  kept.splice(toIndex, 0, moved!);
  return [...kept, ...items.filter((item) => !isKept(item))];
}

export function updateItem(items: AgreementItem[], itemId: string, patch: Partial<Pick<AgreementItem, 'title' | 'owner' | 'nextStep'>>): AgreementItem[] {
  return items.map((item) => (item.itemId === itemId ? { ...item, ...patch } : item));
}

/** Drops an item with a reason; whatever was merged into it becomes a priority of its own again. */
export function dropItem(items: AgreementItem[], itemId: string, reason: string): AgreementItem[] {
  return settle(
    items.map((item) => {
      if (item.itemId === itemId) return { ...withoutFate(item), dropped: { reason } };
      return item.mergedInto === itemId ? withoutFate(item) : item;
    }),
  );
}

/** Merges an item into a kept priority; what was merged into the item follows it there. */
export function mergeItem(items: AgreementItem[], itemId: string, intoId: string): AgreementItem[] {
  if (itemId === intoId) return items;
  return settle(
    items.map((item) => {
      if (item.itemId === itemId) return { ...withoutFate(item), mergedInto: intoId };
      return item.mergedInto === itemId ? { ...item, mergedInto: intoId } : item;
    }),
  );
}

/** Takes a dropped or merged item back as the last priority. */
export function restoreItem(items: AgreementItem[], itemId: string): AgreementItem[] {
  const restored = items.find((item) => item.itemId === itemId);
  if (!restored) return items;
  const rest = items.filter((item) => item !== restored);
  return settle([...rest.filter(isKept), withoutFate(restored), ...rest.filter((item) => !isKept(item))]);
}

function withoutFate(item: AgreementItem): AgreementItem {
  const { dropped: _dropped, mergedInto: _mergedInto, ...rest } = item;
  return rest;
}

function settle(items: AgreementItem[]): AgreementItem[] {
  return [...items.filter(isKept), ...items.filter((item) => !isKept(item))];
}
