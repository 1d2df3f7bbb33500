import type ExcelJS from 'exceljs';
import type { DecisionRecord } from '../signoff.js';
import { decisionRecordTable, type DecisionRecordTable } from './decisionRecord.js';
import { EXPORT_LABELS } from './labels.js';
import { priorityTable, type PriorityTable } from './priorityTable.js';
import { statusLine } from './statusLine.js';
import type { PriorityList } from './types.js';

/**
 * The XLSX export: a sheet for the list (agreed, draft or latest results) and a sheet per revealed round,
 * each a title, the list's status, then one table. Figures are stored as numbers, so Dutch, Swedish and
 * English Excel show them with their own decimal separator and can sum and sort them, with no import step.
 * `rounds` are the lists of each revealed round alone, oldest first.
 */
export async function toXlsx(list: PriorityList, rounds: PriorityList[], decisionRecord: DecisionRecord | null = null): Promise<Uint8Array> {
  const labels = EXPORT_LABELS[list.board.language];
  return tablesToXlsx(
    list.board.title,
    new Date(list.frozenAt ?? list.board.exportedAt ?? 0),
    [
      { name: labels.listSheet, status: statusLine(list), table: priorityTable(list) },
      ...rounds.map((round) => ({ name: labels.roundSheet(round.roundNumber ?? 0), status: statusLine(round), table: priorityTable(round, { withAgreement: false }) })),
    ],
    decisionRecord ? { name: labels.signoffSheet, record: decisionRecordTable(decisionRecord, list) } : undefined,
  );
}

/** A sheet of an export: its name, the line under the title, and its one table. */
export interface XlsxSheet {
  name: string;
  status: string;
  table: PriorityTable;
}

/** Any of the exports' tables as a workbook, a sheet each under the same title. */
export async function tablesToXlsx(title: string, created: Date, sheets: XlsxSheet[], recordSheet?: { name: string; record: DecisionRecordTable }): Promise<Uint8Array> {
  // Loaded on the first XLSX download, not at start-up: exceljs takes about a second of CPU to load, which
  // a restarting server would otherwise spend before it listens while every client waits to reconnect.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Forumboard';
  workbook.title = title;
  workbook.created = created;
  for (const sheet of sheets) addSheet(workbook, title, sheet);
  if (recordSheet) {
    const { record } = recordSheet;
    const sheet = workbook.addWorksheet(recordSheet.name);
    sheet.getCell('A1').value = record.title;
    sheet.getCell('A1').font = { bold: true, size: 14 };
    record.lines.forEach((text, i) => (sheet.getCell(`A${i + 2}`).value = text));
    const headerRow = sheet.getRow(record.lines.length + 3);
    headerRow.values = record.header;
    headerRow.font = { bold: true };
    record.rows.forEach((row, i) => (sheet.getRow(record.lines.length + 4 + i).values = row.map((cell) => cell ?? undefined)));
    record.header.forEach((_, i) => (sheet.getColumn(i + 1).width = i === 4 ? 50 : 24));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Rows above the table: the title and the status. The table's header is the next row after a blank one. */
const TABLE_START = 4;

function addSheet(workbook: ExcelJS.Workbook, title: string, { name, status, table }: XlsxSheet): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: TABLE_START }] });
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = status;
  const header = sheet.getRow(TABLE_START);
  header.values = table.header;
  header.font = { bold: true };
  table.rows.forEach((row, i) => {
    const cells = sheet.getRow(TABLE_START + 1 + i);
    cells.values = row.map((cell) => cell ?? undefined);
    cells.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: { row: TABLE_START, column: 1 }, to: { row: TABLE_START + table.rows.length, column: table.header.length } };
  // At least 10: exceljs writes no width for a column of exactly 9, its own default, so such a column was left
  // at the spreadsheet's default instead.
  table.header.forEach((title, i) => {
    const longest = Math.max(title.length, ...table.rows.map((row) => longestLine(row[i])));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
}

function longestLine(cell: string | number | null): number {
  if (cell === null) return 0;
  return Math.max(...String(cell).split('\n').map((line) => line.length));
}
