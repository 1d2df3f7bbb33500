import { formatFigure } from '../figures.js';
import type { Language } from '../phases.js';
import type { DecisionRecord } from '../signoff.js';
import { decisionRecordTable } from './decisionRecord.js';
import { priorityTable, type PriorityTable, type TableCell } from './priorityTable.js';
import type { PriorityList } from './types.js';

/**
 * Dutch and Swedish Excel split a CSV at semicolons and read a decimal comma, English Excel at commas
 * with a decimal point: each list is written the way a spreadsheet in its language opens it directly.
 */
const SEPARATOR: Record<Language, string> = { en: ',', nl: ';', sv: ';' };

/**
 * RFC 4180 CSV with the list language's separator, one row per priority, and a UTF-8 byte order mark so
 * Excel reads å, ä, ö and ij right. Figures in the language's decimals: 37,5 in Dutch and Swedish.
 */
export function toCsv(list: PriorityList, decisionRecord: DecisionRecord | null = null): string {
  const { header, rows } = priorityTable(list);
  // Where delegates were named, the decision record follows the list after an empty line, as the XLSX and the report
  // show it below the list; each of its rows as wide as the list's, so the file stays one table to a spreadsheet.
  const record = decisionRecord && decisionRecord.groups.length > 0 ? decisionRecordTable(decisionRecord, list) : undefined;
  const wide = (row: TableCell[]) => [...row, ...Array<TableCell>(Math.max(0, header.length - row.length)).fill(null)];
  const recordRows = record ? [[], [record.title], ...record.lines.map((text) => [text]), record.header, ...record.rows].map(wide) : [];
  return tableToCsv({ header, rows: [...rows, ...recordRows] }, list.board.language);
}

/** Any table of the exports (the priority list's, the register's) as CSV the way a spreadsheet in `language` opens it. */
export function tableToCsv({ header, rows }: PriorityTable, language: Language): string {
  const separator = SEPARATOR[language];
  const line = (row: TableCell[]) => row.map((cell) => csvField(cell, language, separator)).join(separator) + '\r\n';
  return '\uFEFF' + [header, ...rows].map(line).join('');
}

function csvField(cell: TableCell, language: Language, separator: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return formatFigure(cell, language);
  // A spreadsheet runs a cell that starts like a formula (OWASP "CSV injection"); the apostrophe makes it text.
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return text.includes(separator) || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
