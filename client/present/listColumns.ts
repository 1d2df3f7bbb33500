import type { CSSProperties } from 'react';

/** The most items a projector list shows in one column; past it, a 1080p screen needs two. */
const ONE_COLUMN = 5;

/**
 * How a projector list of `count` items is laid out: past five it runs down two columns (first half, then second
 * half) in slightly smaller type, so ten items fit one screen.
 */
export function listColumns(base: string, count: number): { className: string; style?: CSSProperties } {
  if (count <= ONE_COLUMN) return { className: base };
  return { className: `${base} projector-two-columns`, style: { gridTemplateRows: `repeat(${Math.ceil(count / 2)}, auto)` } };
}
