import { EXPORT_LABELS } from './labels.js';
import type { PriorityList } from './types.js';

/** What the list is, in one sentence of its language: agreed (with version), draft, results or collected. */
export function statusLine(list: PriorityList): string {
  const labels = EXPORT_LABELS[list.board.language];
  if (list.status === 'agreed') return labels.agreed(list.version!, utcMinute(list.frozenAt!));
  if (list.status === 'draft') return labels.draft(list.roundNumber ?? 0);
  if (list.status === 'not-agreed') return labels.notAgreed(list.roundNumber!);
  return labels.noResults;
}

/** A moment in UTC to the minute, the same for every reader of a file. */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
