import { CATALOGUES } from '../i18n/index.js';
import { formatMessage } from '../i18n/message.js';
import type { Language } from '../phases.js';
import type { DecisionRecord } from '../signoff.js';
import { groupName } from './groupCounts.js';
import type { TableCell } from './priorityTable.js';
import { utcMinute } from './statusLine.js';
import type { PriorityList } from './types.js';

/** The decision record as the files show it: a title, the rule and its outcome, then a row per delegate. */
export interface DecisionRecordTable {
  title: string;
  /** The rule, whether it is met, and the record's seal. */
  lines: string[];
  header: string[];
  rows: TableCell[][];
}

/** The record in the list's language, its words the screens' (the signoff catalogue); what CSV, XLSX and Markdown write. */
export function decisionRecordTable(record: DecisionRecord, list: PriorityList): DecisionRecordTable {
  const language: Language = list.board.language;
  const words = CATALOGUES[language];
  const say = (key: keyof typeof words, vars?: Record<string, string | number>) => formatMessage(words[key], language, vars);
  return {
    title: say('signoff.record.heading', { version: record.version }),
    lines: [
      say(`signoff.rule.${record.rule}`),
      say(record.met ? 'signoff.met' : 'signoff.notMet'),
      ...(record.recordSeal ? [`${say('signoff.record.seal')}: ${record.recordSeal}`] : []),
    ],
    header: [
      say('signoff.record.group'),
      say('signoff.record.delegate'),
      say('signoff.record.organisation'),
      say('signoff.record.decision'),
      say('signoff.record.reason'),
      say('signoff.record.signedAt'),
    ],
    rows: record.groups.flatMap(({ group, standing, delegates }) =>
      delegates.map((d): TableCell[] => [
        `${groupName(list, group)}: ${say(`signoff.standing.${standing}`)}`,
        d.name,
        d.organisation,
        d.decision ? say(`signoff.decision.${d.decision}`) : say('signoff.waiting'),
        d.reason,
        d.signedAt === null ? null : utcMinute(d.signedAt),
      ]),
    ),
  };
}
