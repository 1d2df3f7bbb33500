/**
 * `next`, with every part that equals the same part of `previous` replaced by the previous object: the whole of
 * `previous` when nothing changed. A view memoised on an object then re-renders only when that object's content
 * changed, however often the document it was read from changed. Plain data only (what is read from Yjs): arrays,
 * plain objects and primitives.
 */
export function keepUnchanged<T>(previous: T, next: T): T {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    const kept = next.map((item, i) => (i < previous.length ? keepUnchanged(previous[i], item) : item));
    const same = kept.length === previous.length && kept.every((item, i) => item === previous[i]);
    return (same ? previous : kept) as T;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(next)) kept[key] = key in previous ? keepUnchanged(previous[key], next[key]) : next[key];
    const keys = Object.keys(kept);
    const same = keys.length === Object.keys(previous).length && keys.every((key) => key in previous && kept[key] === previous[key]);
    return (same ? previous : kept) as T;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
