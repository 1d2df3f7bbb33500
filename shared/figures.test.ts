import { describe, expect, it } from 'vitest';
import { toCsv } from './export/csv.js';
import { toMarkdown } from './export/markdown.js';
import { buildPriorityList } from './export/priorityList.js';
import { agreement, sampleBoard } from '../fixtures/exportBoards.js';
import { balancedFigure, consensusFigure, formatFigure, roundFigure } from './figures.js';

describe('the one rounding rule', () => {
  it('rounds a percentage half away from zero to one decimal, as people write it', () => {
    expect([37.45, 37.44, 12.25, 0.05, 40, 100 / 3, 200 / 3].map(roundFigure)).toEqual([37.5, 37.4, 12.3, 0.1, 40, 33.3, 66.7]);
    expect(roundFigure(-2.25)).toBe(-2.3);
    expect(Object.is(roundFigure(-0.01), 0)).toBe(true);
  });

  it('reads consensus as a percentage, so 0.89 is 89 everywhere', () => {
    expect(consensusFigure(0.89)).toBe(89);
    expect(consensusFigure(0.8875)).toBe(88.8);
    expect(balancedFigure(37.5)).toBe(37.5);
  });

  it('writes a figure with the language’s decimal separator and no ",0"', () => {
    expect(formatFigure(37.5, 'sv')).toBe('37,5');
    expect(formatFigure(37.5, 'nl')).toBe('37,5');
    expect(formatFigure(37.5, 'en')).toBe('37.5');
    expect(formatFigure(89, 'sv')).toBe('89');
    expect(formatFigure(1234.5, 'en')).toBe('1234.5');
  });
});

describe('the same figure in every format', () => {
  const list = buildPriorityList({ ...sampleBoard('nl'), agreement });
  const item = list.items[0]!;
  item.votes = { ...item.votes!, balanced: 37.45, consensus: 0.8875 };

  it('CSV and Markdown show the balanced score and consensus alike', () => {
    const csvRow = toCsv(list).split('\r\n')[1]!.split(';');
    const markdown = toMarkdown(list);
    expect(csvRow).toContain('37,5');
    expect(csvRow).toContain('88,8');
    expect(markdown).toMatch(/Gebalanceerde score: 37,5\s?%/);
    expect(markdown).toMatch(/Consensus: 88,8\s?%/);
  });
});
