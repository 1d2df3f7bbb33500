import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';
import { toMarkdown } from './markdown.js';
import { buildPriorityList } from './priorityList.js';
import { agreement, sampleBoard } from '../../fixtures/exportBoards.js';

describe('a draft that is not frozen yet', () => {
  const draft = { roundId: agreement.roundId, items: agreement.items };
  const list = buildPriorityList({ ...sampleBoard('nl'), draft });

  it('is the draft as it stands: its order, owners and next steps, marked as a draft without a version', () => {
    expect(list).toMatchObject({ status: 'draft', version: null, frozenAt: null, roundId: 'r1', schemaVersion: 2 });
    expect(list.items.map((item) => [item.rank, item.itemId, item.owner, item.nextStep])).toEqual(
      agreement.items.filter((item) => !item.dropped && !item.mergedInto).map((item, i) => [i + 1, item.itemId, item.owner, item.nextStep]),
    );
    expect(list.dropped.map((item) => item.itemId)).toEqual(['formula']);
  });

  it('says so in every text format', () => {
    expect(toMarkdown(list)).toContain('Concept, nog niet vastgelegd');
    const csv = toCsv(list);
    expect(csv).toContain('Region Gävleborg, Maria Ek');
  });

  it('gives way to a frozen agreement', () => {
    expect(buildPriorityList({ ...sampleBoard(), draft, agreement }).status).toBe('agreed');
  });
});
