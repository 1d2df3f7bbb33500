import { describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown.js';
import { buildPriorityList } from './priorityList.js';
import { agreement, FROZEN_AT, sampleBoard } from '../../fixtures/exportBoards.js';

describe('toMarkdown', () => {
  const agreed = toMarkdown(buildPriorityList({ ...sampleBoard(), agreement, exportedAt: FROZEN_AT + 3_600_000 }));
  const results = toMarkdown(buildPriorityList(sampleBoard('en')));

  it('opens with the title, the question and the status of the list', () => {
    expect(agreed.startsWith('# Industriforum Gävleborg – kick-off\n\n**Fråga:** Vilka utmaningar ska forumet prioritera 2025–2027?\n')).toBe(true);
    expect(agreed).toContain('Överenskomna prioriteringar, version 2, låst 2025-03-14 10:32 UTC.');
    expect(agreed).toContain('_Exporterad 2025-03-14 11:32 UTC_');
    expect(results).toContain('Not agreed yet: the results of vote round 1.');
    expect(results).toContain('Voters: 12 (Company 6, Regional government 3, Trade union + Knowledge institution 3)');
  });

  it('lists the priorities in rank order with their figures, split by group', () => {
    const headings = results.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## 1. Kompetensförsörjning',
      '## 2. Energiomställning',
      '## 3. Skills gap in offshore wind maintenance',
      '## 4. @SUM(A1:A9) \\| övrigt',
    ]);
    expect(results).toContain(
      [
        '## 2. Energiomställning',
        '',
        '- Votes: 15 (Company 0, Regional government 6, Trade union + Knowledge institution 9)',
        '- Balanced score: 36.4% (balanced rank 2)',
        '- Consensus: 45%',
        '- **Contested**',
        '- Cards (Trade union + Knowledge institution 1):',
        '  - Netcongestie remt elektrificatie van de procesindustrie',
      ].join('\n'),
    );
  });

  it('gives owner, next step, merged items and cards of an agreed priority, and the dropped items apart', () => {
    expect(agreed).toContain('## 1. Energiomställning: nätkapacitet för industrin');
    expect(agreed).toContain('- Ansvarig: Region Gävleborg, Maria Ek\n- Nästa steg: Kartlägg nätkapaciteten med Svenska kraftnät, "snarast", före juni');
    expect(agreed).toContain('- Omfattar: Skills gap in offshore wind maintenance');
    expect(agreed).toContain('- Kort (Företag 2, Fackförbund + Lärosäte 1, Processledare 1):\n  - Svårt att rekrytera svetsare och CNC-operatörer\n    Nio månaders väntan');
    expect(agreed).toContain('## Strukna\n\n- @SUM(A1:A9) \\| övrigt: Dubblett \\| se punkt 2');
  });

  it('escapes user text that would turn into headings, lists, tables or links', () => {
    expect(agreed).toContain('    \\# Kapacitetsbrist i regionnätet\n    \\- anslutning tidigast 2029');
    expect(agreed).toContain('  - \\+1 validering av yrkeskunnande');

    const board = sampleBoard();
    board.rounds = [];
    board.board.title = '# Forum | <script>alert(1)</script> [klick](http://x)';
    board.cards = [{ id: 'c1', title: '1. *Viktigt* `kod`', author: 'p-union-1', cluster: null, bodyText: '> citat\n2) punkt' }];
    board.clusters = [];
    const markdown = toMarkdown(buildPriorityList(board));
    expect(markdown.startsWith('# \\# Forum \\| \\<script\\>alert(1)\\</script\\> \\[klick\\](http://x)\n')).toBe(true);
    expect(markdown).toContain('## 1\\. \\*Viktigt\\* \\`kod\\`');
    expect(markdown).toContain('    \\> citat\n    2\\) punkt');
  });

  it('lists themes unranked when there are no results', () => {
    const board = sampleBoard('nl');
    board.rounds = [];
    const markdown = toMarkdown(buildPriorityList(board));
    expect(markdown).toContain('Nog geen stemresultaten');
    expect(markdown).toContain('## Kompetensförsörjning\n\n- Kaarten (Bedrijf 1, Vakbond 1, Facilitator 1):');
    expect(markdown).not.toContain('Stemmen');
  });
});
