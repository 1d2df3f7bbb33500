import { FACILITATOR_ID } from '../controlDoc.js';
import { EXPORT_LABELS } from './labels.js';
import type { PriorityList } from './types.js';

/** Named counts (votes or cards per group) in the list's group order, the facilitator last, as the renderers write them. */
export function namedGroupCounts(list: PriorityList, counts: Record<string, number>): Array<{ name: string; count: number }> {
  const order = [...list.groups.map((group) => group.id), FACILITATOR_ID];
  const position = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return Object.keys(counts)
    .sort((a, b) => position(a) - position(b))
    .map((id) => ({ name: groupName(list, id), count: counts[id]! }));
}

export function groupName(list: PriorityList, id: string): string {
  if (id === FACILITATOR_ID) return EXPORT_LABELS[list.board.language].facilitator;
  return list.groups.find((group) => group.id === id)?.name ?? id;
}
