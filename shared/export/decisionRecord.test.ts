import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { agreement, FROZEN_AT, sampleBoard } from '../../fixtures/exportBoards.js';
import type { DecisionRecord } from '../signoff.js';
import { toCsv } from './csv.js';
import { toMarkdown } from './markdown.js';
import { buildPriorityList } from './priorityList.js';
import { toXlsx } from './xlsx.js';

const record: DecisionRecord = {
  version: 2,
  rule: 'majority-no-objection',
  met: false,
  groups: [
    {
      group: 'union',
      standing: 'objects',
      delegates: [
        { participantId: 'p1', name: 'Bram de Vries', organisation: 'FNV', decision: 'object', reason: 'Werktijden ontbreken', signedAt: FROZEN_AT },
        { participantId: 'p2', name: 'Cleo', organisation: 'CNV', decision: null, reason: '', signedAt: null },
      ],
    },
  ],
  recordSeal: 'f'.repeat(64),
};

describe('the decision record in the files', () => {
  const list = buildPriorityList({ ...sampleBoard('nl'), agreement });
  const union = list.groups.find((g) => g.id === 'union')!.name;

  it('follows the list in the CSV, in the list language, each delegate a row', () => {
    const csv = toCsv(list, record);
    // Each row of the record as wide as the list's, so a spreadsheet reads the file as one table.
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.filter((row) => row.length > 1);
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    expect(csv).toMatch(/\r\n;*\r\n"Besluitverslag, versie 2";*\r\n/);
    expect(csv).toMatch(/De lijst is vastgesteld wanneer de meeste groepen met afgevaardigden instemmen en geen groep bezwaar maakt\.;*\r\nNog niet vastgesteld\.;*\r\n/);
    expect(csv).toContain(`${union}: Maakt bezwaar;Bram de Vries;FNV;Bezwaar maken;Werktijden ontbreken;2025-03-14 10:32 UTC;`);
    expect(csv).toContain(`${union}: Maakt bezwaar;Cleo;CNV;wacht;;;`);
    expect(csv).toContain(`Zegel van het verslag (SHA-256): ${'f'.repeat(64)}`);
    expect(toCsv(list)).not.toContain('Besluitverslag');
  });

  it('is a section of the Markdown and a sheet of its own in the XLSX', async () => {
    expect(toMarkdown(list, record)).toContain(`## Besluitverslag, versie 2\n\nDe lijst is vastgesteld`);
    const workbook = new ExcelJS.Workbook();
    const bytes = await toXlsx(list, [], record);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Akkoord')!;
    expect(sheet.getCell('A1').value).toBe('Besluitverslag, versie 2');
    expect(sheet.getCell('A3').value).toBe('Nog niet vastgesteld.');
    expect((sheet.getRow(7).values as unknown[]).slice(1)).toEqual([`${union}: Maakt bezwaar`, 'Bram de Vries', 'FNV', 'Bezwaar maken', 'Werktijden ontbreken', '2025-03-14 10:32 UTC']);
  });
});
