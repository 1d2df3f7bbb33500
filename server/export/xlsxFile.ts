import { buildPriorityList, type PriorityList, type PriorityListInput } from '../../shared/export/index.js';
import { inReaderLanguage } from '../../shared/export/readerLanguage.js';
import { tablesToXlsx, toXlsx, type XlsxSheet } from '../../shared/export/xlsx.js';
import type { Language } from '../../shared/phases.js';
import type { DecisionRecord } from '../../shared/signoff.js';

/**
 * What an XLSX is made of, as plain data: the list to export and the board its round sheets are drawn from, or
 * sheets already drawn (the register's).
 */
export type XlsxInput = ListXlsxInput | { kind: 'sheets'; title: string; created: number; sheets: XlsxSheet[] };

interface ListXlsxInput {
  kind: 'list';
  list: PriorityList;
  board: PriorityListInput;
  /** The reader's language, when asked for. */
  language: Language | undefined;
  exportedAt: number;
  decisionRecord: DecisionRecord | null;
}

/** The XLSX: the list's sheet, then each revealed round's results alone, oldest first; or the sheets given. */
export function xlsxFile(input: XlsxInput): Promise<Uint8Array> {
  if (input.kind === 'sheets') return tablesToXlsx(input.title, new Date(input.created), input.sheets);
  const { list, board, language, exportedAt, decisionRecord } = input;
  const told = (told: PriorityList) => (language ? inReaderLanguage(told, language) : told);
  const rounds = board.rounds
    .filter((round) => board.tallies[round.id] !== undefined)
    .map((round) => told(buildPriorityList({ ...board, rounds: [round], exportedAt })));
  return toXlsx(list, rounds, decisionRecord);
}
