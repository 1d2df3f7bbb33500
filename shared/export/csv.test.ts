import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { consensusFigure, formatFigure } from '../figures.js';
import { toCsv } from './csv.js';
import { buildPriorityList } from './priorityList.js';
import { agreement, HYPERLINK, sampleBoard } from '../../fixtures/exportBoards.js';
import type { PriorityListInput } from './types.js';

/** Parses with CRLF as the only record separator, after checking the byte order mark; Dutch and Swedish lists split at semicolons. */
function parse(csv: string, delimiter = ';'): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const { data, errors } = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', delimiter, skipEmptyLines: true });
  expect(errors).toEqual([]);
  return data;
}

/** What a text cell must read after a round trip: formula starts neutralised with an apostrophe. */
const asText = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('toCsv', () => {
  const list = buildPriorityList({ ...sampleBoard(), agreement });
  const csv = toCsv(list);
  const [header, ...rows] = parse(csv);

  it('starts with a byte order mark and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${header!.join(';')}`);
  });

  it('writes the header in the board language, a column per shown group', () => {
    expect(header).toEqual([
      'Plats',
      'Prioritering',
      'Typ',
      'Röster',
      'Företag',
      'Region',
      'Fackförbund + Lärosäte',
      'Balanserad poäng (%)',
      'Balanserad plats',
      'Samsyn (%)',
      'Omstridd',
      'Ansvarig',
      'Nästa steg',
      'Kort',
      'Kort per grupp',
      'Struken eftersom',
    ]);
    const dutch = parse(toCsv(buildPriorityList(sampleBoard('nl'))))[0]!;
    expect(dutch.slice(0, 7)).toEqual(['Rang', 'Prioriteit', 'Soort', 'Stemmen', 'Bedrijf', 'Regionale overheid', 'Vakbond + Kennisinstelling']);
    expect(parse(toCsv(buildPriorityList(sampleBoard('en'))), ',')[0]!.at(-1)).toBe('Cards by group');
  });

  it('lists the dropped items after the priorities, unranked, with their reason', () => {
    expect(rows.slice(list.items.length).map((row) => [row[0], row[1], row.at(-1)])).toEqual([['', "'@SUM(A1:A9) | övrigt", 'Dubblett | se punkt 2']]);
    expect(rows[0]!.at(-1)).toBe('');
  });

  it('reads back as the list: one row per priority, text intact, formulas neutralised', () => {
    expect(rows).toHaveLength(list.items.length + list.dropped.length);
    list.items.forEach((item, i) => {
      const row = rows[i]!;
      const votes = item.votes!;
      expect(row.slice(0, 7)).toEqual([
        String(item.rank),
        asText(item.title),
        'Tema',
        String(votes.total),
        ...list.votingGroups.map((group) => String(votes.byGroup[group])),
      ]);
      expect(row[9]).toBe(formatFigure(consensusFigure(votes.consensus!), 'sv'));
      expect(row.slice(11, 13)).toEqual([asText(item.owner), asText(item.nextStep)]);
    });
  });

  it('keeps quotes, commas, newlines and å ä ö é ij as they were', () => {
    const [energy, skills] = rows;
    expect(energy!.slice(1, 4)).toEqual(['Energiomställning: nätkapacitet för industrin', 'Tema', '15']);
    expect(energy![12]).toBe('Kartlägg nätkapaciteten med Svenska kraftnät, "snarast", före juni');
    expect(energy![13]).toBe(
      'Netcongestie remt elektrificatie van de procesindustrie\n  # Kapacitetsbrist i regionnätet\n  - anslutning tidigast 2029, ij-test: vrijwillig',
    );
    expect(skills![13]).toBe(
      [
        'Svårt att rekrytera svetsare och CNC-operatörer',
        '  Nio månaders väntan på en CNC-operatör.',
        '  Lärlingar hoppar av: "för tungt, för långt".',
        'Få elever söker industriprogrammet',
        '+1 validering av yrkeskunnande tar för lång tid',
        'Skills gap in offshore wind maintenance',
        '  \t-2 technicians per turbine',
      ].join('\n'),
    );
    expect(skills![14]).toBe('Företag: 2; Fackförbund + Lärosäte: 1; Processledare: 1');
  });

  it('puts an apostrophe before text that a spreadsheet would run as a formula', () => {
    const skills = rows[1]!;
    expect(skills[11]).toBe(`'${HYPERLINK}`);
    expect(skills[12]).toBe("'-2 veckor: kartlägg lärlingsplatser");

    const collected = sampleBoard();
    collected.rounds = [];
    collected.cards.push({ id: 'c-tab', title: '\tTabbed', author: 'p-union-1', cluster: null, bodyText: '' });
    const titles = parse(toCsv(buildPriorityList(collected)))
      .slice(1)
      .map((row) => row[1]);
    expect(titles).toEqual([
      'Kompetensförsörjning',
      'Energiomställning',
      "'@SUM(A1:A9) | övrigt",
      'Skills gap in offshore wind maintenance',
      "'\tTabbed",
    ]);
    const plusCard = { id: 'c-plus', title: '+1 fler praktikplatser', author: 'p-union-1', cluster: null, bodyText: '' };
    collected.cards = [plusCard];
    collected.clusters = [];
    expect(parse(toCsv(buildPriorityList(collected)))[1]!.slice(0, 4)).toEqual(['', "'+1 fler praktikplatser", 'Kort', '']);
  });

  it('writes figures the way a spreadsheet in the list language reads them: semicolons and a decimal comma in Swedish', () => {
    const line = csv.split('\r\n')[1]!;
    expect(line.startsWith('1;Energiomställning: nätkapacitet för industrin;Tema;15;')).toBe(true);
    const half = buildPriorityList({ ...sampleBoard(), agreement });
    half.items[0]!.votes!.balanced = 37.45;
    expect(parse(toCsv(half))[1]![7]).toBe('37,5');
    half.board.language = 'en';
    expect(parse(toCsv(half), ',')[1]![7]).toBe('37.5');
  });
});

describe('toCsv of a board merged from breakout tables', () => {
  it('says in a last column which tables raised each priority, in the list language', () => {
    const board = sampleBoard('nl');
    const atTables = (card: PriorityListInput['cards'][number]): PriorityListInput['cards'][number] =>
      card.id === 'c-welders' ? { ...card, table: { number: 4, name: 'Bij het raam' } } : card.id === 'c-programme' ? { ...card, table: { number: 2, name: '' } } : card;
    const [header, ...rows] = parse(toCsv(buildPriorityList({ ...board, cards: board.cards.map(atTables), agreement })));
    const column = header!.indexOf('Tafels');
    expect(column).toBe(header!.length - 2);
    const skills = rows.find((row) => row[1] === 'Kompetensförsörjning')!;
    expect(skills[column]).toBe('Tafel 2 (1); Bij het raam (1)');
    expect(rows.filter((row) => row[column] !== '')).toHaveLength(1);
  });

  it('has no such column when no card sat at a table', () => {
    expect(parse(toCsv(buildPriorityList({ ...sampleBoard('nl'), agreement })))[0]).not.toContain('Tafels');
  });
});
