import { equalityDeep } from 'lib0/function';
import type { RefusalCode } from './api.js';
import type { AgreementDraft, AgreementItem, PriorityList } from './export/types.js';
import type { RoundState } from './voting/types.js';

/**
 * The agreement's rules, for the server that checks a draft, the editor that builds one and the export that
 * reads one: an item is either a kept priority, dropped with a reason, or merged into a kept priority.
 */
export function isKept(item: AgreementItem): boolean {
  return !item.dropped && !item.mergedInto;
}

/** The items merged into a kept priority; a dropped item is never counted as merged, even if it was before. */
export function mergedInto(items: readonly AgreementItem[], keptId: string): AgreementItem[] {
  return items.filter((item) => !item.dropped && item.mergedInto === keptId);
}

export type DraftCheck = { ok: true } | { ok: false; code: RefusalCode; error: string; field: string };

/**
 * Checks a draft against the round it starts from: a revealed round, each of its items at most once, and a merge
 * only into a kept priority, so the list follows a merge one level and no further.
 */
export function validateDraft(draft: AgreementDraft, round: RoundState | undefined): DraftCheck {
  if (!round || round.state !== 'revealed') {
    return { ok: false, code: 'agreement-needs-revealed-round', error: 'an agreement starts from a revealed round', field: 'roundId' };
  }
  const known = new Set(round.items.map((item) => item.id));
  const seen = new Set<string>();
  for (const [i, item] of draft.items.entries()) {
    const field = `items.${i}.itemId`;
    if (!known.has(item.itemId)) return { ok: false, code: 'unknown-item', error: 'not an item of that round', field };
    if (seen.has(item.itemId)) return { ok: false, code: 'listed-twice', error: 'listed twice', field };
    seen.add(item.itemId);
  }
  const kept = new Set(draft.items.filter(isKept).map((item) => item.itemId));
  for (const [i, item] of draft.items.entries()) {
    if (item.mergedInto !== undefined && !kept.has(item.mergedInto)) {
      return { ok: false, code: 'merge-target-not-kept', error: 'merged into an item that is not a kept priority', field: `items.${i}.mergedInto` };
    }
  }
  return { ok: true };
}

/**
 * What a frozen version fixes, and so what the draft must still say to be that version: the round; the kept
 * priorities in their order, each with its wording, owner, next step and the items merged into it (with their
 * wording, in order); the dropped items in order with their wording and reason. Where a merged or dropped item
 * stood among the others does not count: the frozen list does not keep it.
 */
export interface AgreedContent {
  roundId: string | null;
  kept: Array<{ itemId: string; title: string; owner: string; nextStep: string; merged: Array<{ itemId: string; title: string }> }>;
  dropped: Array<{ itemId: string; title: string; reason: string }>;
}

export function draftContent(draft: AgreementDraft): AgreedContent {
  return {
    roundId: draft.roundId,
    kept: draft.items.filter(isKept).map(({ itemId, title, owner, nextStep }) => ({
      itemId,
      title,
      owner,
      nextStep,
      merged: mergedInto(draft.items, itemId).map((merged) => ({ itemId: merged.itemId, title: merged.title })),
    })),
    dropped: draft.items.flatMap((item) => (item.dropped ? [{ itemId: item.itemId, title: item.title, reason: item.dropped.reason }] : [])),
  };
}

export function frozenContent(list: PriorityList): AgreedContent {
  return {
    roundId: list.roundId,
    kept: list.items.map(({ itemId, title, owner, nextStep, mergedFrom }) => ({ itemId, title, owner, nextStep, merged: mergedFrom })),
    dropped: list.dropped,
  };
}

/** Whether the list everyone sees is a frozen version as it stands, or a draft changed since one, or never frozen. */
export type AgreementStanding =
  | { state: 'not-frozen' }
  | { state: 'frozen'; version: number; frozenAt: number }
  | { state: 'changed'; version: number; frozenAt: number };

/** The standing of the draft against the latest frozen version (null before the first freeze). */
export function agreementStanding(
  draft: AgreementDraft | null,
  latest: { version: number; frozenAt: number; content: AgreedContent } | null,
): AgreementStanding {
  if (!latest) return { state: 'not-frozen' };
  const same = draft !== null && equalityDeep(draftContent(draft), latest.content);
  return { state: same ? 'frozen' : 'changed', version: latest.version, frozenAt: latest.frozenAt };
}
