import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../i18n/index.js';
import { LANGUAGES } from '../phases.js';
import { OTHER_GROUPS } from '../voting/anonymity.js';
import { toCsv } from './csv.js';
import { toMarkdown } from './markdown.js';
import { buildPriorityList } from './priorityList.js';
import { sampleBoard } from '../../fixtures/exportBoards.js';

describe('the bucket of smaller groups', () => {
  it.each(LANGUAGES)('is named by the groups inside it in the list, the CSV header and the Markdown (%s)', (language) => {
    const board = sampleBoard(language);
    const named = (id: string) => board.board.groups.find((group) => group.id === id)!.name;
    const name = `${named('union')} + ${named('knowledge')}`;
    const list = buildPriorityList(board);
    expect(list.groups.find((group) => group.id === OTHER_GROUPS)?.name).toBe(name);
    const header = toCsv(list).split('\r\n')[0]!;
    expect(header).toContain(String(name));
    expect(toMarkdown(list)).toContain(`${String(name)} 3`);
  });

  it.each(LANGUAGES)('has the screen’s name when no tally says which groups are in it (%s)', (language) => {
    const board = sampleBoard(language);
    const tallies = Object.fromEntries(Object.entries(board.tallies).map(([id, { merged: _, ...tally }]) => [id, tally]));
    const list = buildPriorityList({ ...board, tallies, participants: board.participants.filter((p) => p.group !== 'union' && p.group !== 'knowledge') });
    expect(list.groups.find((group) => group.id === OTHER_GROUPS)?.name).toBe(CATALOGUES[language]['results.otherGroups']);
  });

  it('is one name per language, different from the stakeholder group “Other”', () => {
    const names = LANGUAGES.map((language) => CATALOGUES[language]['results.otherGroups']);
    expect(names).toEqual(['Smaller groups combined', 'Kleinere groepen samen', 'Mindre grupper sammanslagna']);
  });
});
