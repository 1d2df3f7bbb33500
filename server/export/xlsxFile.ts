import { buildPriorityList, type PriorityList, type PriorityListInput } from '../../shared/export/index.js';
import { inReaderLanguage } from '../../shared/export/readerLanguage.js';
import { toXlsx } from '../../shared/export/xlsx.js';
import type { Language } from '../../shared/phases.js';
import type { DecisionRecord } from '../../shared/signoff.js';

/** What the XLSX is made of, as plain data: the list to export and the board its round sheets are drawn from. */
export interface XlsxInput {
  list: PriorityList;
  board: PriorityListInput;
  /** The reader's language, when asked for. */
  language: Language | undefined;
  exportedAt: number;
  decisionRecord: DecisionRecord | null;
}

/** The XLSX: the list's sheet, then each revealed round's results alone, oldest first. */
export function xlsxFile({ list, board, language, exportedAt, decisionRecord }: XlsxInput): Promise<Uint8Array> {
  const told = (told: PriorityList) => (language ? inReaderLanguage(told, language) : told);
  const rounds = board.rounds
    .filter((round) => board.tallies[round.id] !== undefined)
    .map((round) => told(buildPriorityList({ ...board, rounds: [round], exportedAt })));
  return toXlsx(list, rounds, decisionRecord);
}
