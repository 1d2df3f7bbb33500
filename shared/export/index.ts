export type { AgreementItem, FrozenAgreement, ItemVotes, PriorityCard, PriorityItem, PriorityList, PriorityListInput } from './types.js';
export { buildPriorityList, withoutAuthorGroups } from './priorityList.js';
export { toCsv } from './csv.js';
export { toMarkdown } from './markdown.js';
export { toJson } from './json.js';
export { EXPORT_LABELS, type ExportLabels } from './labels.js';
