import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildPriorityList } from './priorityList.js';
import { agreement, HYPERLINK, sampleBoard } from '../../fixtures/exportBoards.js';
import type { PriorityList } from './types.js';
import { toXlsx } from './xlsx.js';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/** The table of a sheet as values, from its header row (4) down. */
function table(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number >= 4) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('toXlsx', () => {
  const board = sampleBoard();
  const list = buildPriorityList({ ...board, agreement });
  const rounds: PriorityList[] = board.rounds
    .filter((round) => round.state === 'revealed')
    .map((round) => buildPriorityList({ ...board, rounds: [round] }));

  it('has a sheet for the list and one per revealed round, named in the list language', async () => {
    const workbook = await readBack(await toXlsx(list, rounds));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Prioriteringar', ...rounds.map((round) => `Omgång ${round.roundNumber}`)]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(list.board.title);
    expect(sheet.getCell('A2').value).toBe('Överenskomna prioriteringar, version 2, låst 2025-03-14 10:32 UTC.');
  });

  it('stores figures as numbers, rounded by the one rule, and text as it was typed', async () => {
    const [header, ...rows] = table((await readBack(await toXlsx(list, rounds))).worksheets[0]!);
    expect(header!.slice(0, 4)).toEqual(['Plats', 'Prioritering', 'Typ', 'Röster']);
    const score = header!.indexOf('Balanserad poäng (%)');
    const consensus = header!.indexOf('Samsyn (%)');
    expect(rows).toHaveLength(list.items.length + list.dropped.length);
    // The dropped item follows the priorities, with its reason in the last column.
    expect(rows.at(-1)!.slice(1, 2)).toEqual(['@SUM(A1:A9) | övrigt']);
    expect(rows.at(-1)!.at(-1)).toBe('Dubblett | se punkt 2');
    rows.slice(0, list.items.length).forEach((row, i) => {
      const votes = list.items[i]!.votes!;
      expect(row[0]).toBe(i + 1);
      expect(row[3]).toBe(votes.total);
      expect(typeof row[score]).toBe('number');
      expect(row[score]).toBe(Math.round(votes.balanced * 10) / 10);
      expect(row[consensus]).toBe(Math.round(votes.consensus! * 1000) / 10);
    });
    const owner = header!.indexOf('Ansvarig');
    expect(rows[0]![1]).toBe('Energiomställning: nätkapacitet för industrin');
    expect(rows[0]![owner]).toBe('Region Gävleborg, Maria Ek');
    // A text that looks like a formula stays text: the library writes it as a string, never as a formula.
    expect(rows[1]![owner]).toBe(HYPERLINK);
    const cards = String(rows[0]![header!.indexOf('Kort')]);
    expect(cards).toContain('ij-test: vrijwillig');
    expect(cards).toContain('Kapacitetsbrist i regionnätet');
  });

  it('gives every column of every sheet a width, the card lists a wide one that wraps', async () => {
    for (const sheet of (await readBack(await toXlsx(list, rounds))).worksheets) {
      const [header] = table(sheet);
      const widths = header!.map((title, i) => [title, sheet.getColumn(i + 1).width]);
      expect(widths.filter(([, width]) => width === undefined)).toEqual([]);
      const cards = header!.indexOf('Kort') + 1;
      expect(sheet.getColumn(cards).width).toBeGreaterThanOrEqual(40);
      expect(sheet.getRow(5).getCell(cards).alignment).toMatchObject({ wrapText: true });
    }
  });

  it('leaves owner and next step out of a round sheet', async () => {
    const [header] = table((await readBack(await toXlsx(list, rounds))).worksheets[1]!);
    expect(header).not.toContain('Ansvarig');
    expect(header).toContain('Omstridd');
  });

  it('names the tables that raised each priority on every sheet, in the list language', async () => {
    const atTable = board.cards.map((card) => (card.cluster === 'skills' ? { ...card, table: { number: 3, name: '' } } : card));
    const merged = { ...board, cards: atTable };
    const workbook = await readBack(await toXlsx(buildPriorityList({ ...merged, agreement }), [buildPriorityList({ ...merged, rounds: [board.rounds.find((round) => round.state === 'revealed')!] })]));
    for (const sheet of workbook.worksheets.slice(0, 2)) {
      const [header, ...rows] = table(sheet);
      const skills = rows.find((row) => row[1] === 'Kompetensförsörjning')!;
      expect(skills[header!.indexOf('Bord')]).toBe('Bord 3 (3)');
    }
  });
});
