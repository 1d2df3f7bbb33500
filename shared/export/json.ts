import type { DecisionRecord } from '../signoff.js';
import type { PriorityList } from './types.js';

/** The JSON export: the list, and the sign-off of its version. 3 added `decisionRecord`; see docs/export.md. */
export type ExportedList = Omit<PriorityList, 'schemaVersion'> & { schemaVersion: 3; decisionRecord: DecisionRecord | null };

/** The list as JSON; its shape is docs/export-schema.json, versioned by schemaVersion. */
export function toJson(list: PriorityList, decisionRecord: DecisionRecord | null = null): string {
  const exported: ExportedList = { ...list, schemaVersion: 3, decisionRecord };
  return JSON.stringify(exported, null, 2);
}
