import type * as Y from 'yjs';

/**
 * +1 marks on cards and plenary questions, in the board document: one flat map whose keys name the target and the
 * person ("<target>/<person>"), so a mark is one key, taking it back deletes it, two people marking at once never
 * meet in one nested map, and nobody can mark twice. The person is named as their cards are: by card key while
 * cards are anonymous, so the marks say no more about who reacted than the cards say about who wrote them.
 */
export function reactionsOf(doc: Y.Doc): Y.Map<true> {
  return doc.getMap<true>('reactions');
}

export function reactionKey(target: string, person: string): string {
  return `${target}/${person}`;
}

/** The target and person of a mark's key, or null for a key no client of ours writes. People's names hold no '/'. */
export function parseReactionKey(key: string): { target: string; person: string } | null {
  const at = key.lastIndexOf('/');
  if (at <= 0 || at === key.length - 1) return null;
  return { target: key.slice(0, at), person: key.slice(at + 1) };
}

/** Marks by target, and which targets this person marked (under either of their names); plain data, for views to compare. */
export interface ReactionCounts {
  count: Readonly<Record<string, number>>;
  mine: Readonly<Record<string, true>>;
}

export function readReactions(doc: Y.Doc, isMe: (person: string) => boolean): ReactionCounts {
  const count: Record<string, number> = {};
  const mine: Record<string, true> = {};
  reactionsOf(doc).forEach((_, key) => {
    const mark = parseReactionKey(key);
    if (!mark) return;
    count[mark.target] = (count[mark.target] ?? 0) + 1;
    if (isMe(mark.person)) mine[mark.target] = true;
  });
  return { count, mine };
}

/** Most +1s first, ties in the order given: how the pile and the wall can be ordered. */
export function byPlusOnes<T extends { id: string }>(items: readonly T[], count: Readonly<Record<string, number>>): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (count[b.item.id] ?? 0) - (count[a.item.id] ?? 0) || a.index - b.index)
    .map(({ item }) => item);
}

/** Gives or takes back `person`'s +1; taking back removes the mark under whichever of `names` it carries. */
export function toggleReaction(doc: Y.Doc, target: string, person: string, names: readonly string[]): void {
  const marks = reactionsOf(doc);
  const held = names.map((name) => reactionKey(target, name)).filter((key) => marks.has(key));
  doc.transact(() => {
    if (held.length > 0) for (const key of held) marks.delete(key);
    else marks.set(reactionKey(target, person), true);
  });
}

/** Renames the people of every mark (participant ids to card keys and back, as cards are renamed). */
export function renameReactors(doc: Y.Doc, names: ReadonlyMap<string, string>): void {
  const marks = reactionsOf(doc);
  const renamed: Array<[string, string]> = [];
  marks.forEach((_, key) => {
    const mark = parseReactionKey(key);
    const name = mark ? names.get(mark.person) : undefined;
    if (mark && name !== undefined) renamed.push([key, reactionKey(mark.target, name)]);
  });
  doc.transact(() => {
    for (const [from, to] of renamed) {
      marks.delete(from);
      marks.set(to, true);
    }
  });
}
