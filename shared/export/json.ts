import type { PriorityList } from './types.js';

/** The list as JSON; its shape is docs/export-schema.json, versioned by schemaVersion. */
export function toJson(list: PriorityList): string {
  return JSON.stringify(list, null, 2);
}
