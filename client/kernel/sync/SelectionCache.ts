import { keepUnchanged } from './keepUnchanged';

/** Whether two selections are the same for the view; by default, equal content (parts kept by keepUnchanged). */
export type Equals<T> = (previous: T, next: T) => boolean;

/**
 * The last value a view selected from a live source. It is read again only when the source moved on (its
 * version changed) or the selector did, and a new reading that is the same for the view returns the last value
 * itself, so React sees no change and skips the render. Without `equals` a changed value still keeps every
 * unchanged part of the last one, so children memoised on those parts skip too.
 */
export class SelectionCache<S, T> {
  private last: { source: S; version: number; select: (source: S) => T; value: T } | null = null;

  read(source: S, version: number, select: (source: S) => T, equals?: Equals<T>): T {
    const last = this.last;
    if (last && last.source === source && last.version === version && last.select === select) return last.value;
    const next = select(source);
    const value = !last ? next : equals ? (equals(last.value, next) ? last.value : next) : keepUnchanged(last.value, next);
    this.last = { source, version, select, value };
    return value;
  }
}
