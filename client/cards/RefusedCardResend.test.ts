import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCards } from '../../shared/boardDoc';
import { RefusedCardResend, RESEND_WINDOW_MS } from './RefusedCardResend';

const titles = (doc: Y.Doc) => readCards(doc).map((card) => [card.title, card.author]);

describe('a card added as "anonymous cards" flips', () => {
  it('is added again under the new author name once the board is rebuilt without it, whichever arrives first', () => {
    for (const order of ['rebuild first', 'setting first'] as const) {
      const resend = new RefusedCardResend(() => 1_000);
      const before = new Y.Doc();
      resend.add(before, 'Facket blir inte hört', 'p_asa');
      const rebuilt = new Y.Doc();
      if (order === 'rebuild first') resend.settle(rebuilt, 'p_asa');
      else resend.settle(before, 'key_asa');
      expect(titles(rebuilt)).toEqual([]);
      resend.settle(rebuilt, 'key_asa');
      expect(titles(rebuilt)).toEqual([['Facket blir inte hört', 'key_asa']]);
      // Once only.
      resend.settle(new Y.Doc(), 'p_asa');
      expect(titles(rebuilt)).toHaveLength(1);
    }
  });

  it('is not added again when the name did not change, or long after it was added', () => {
    let now = 0;
    const resend = new RefusedCardResend(() => now);
    resend.add(new Y.Doc(), 'Energi', 'p_asa');
    const rebuilt = new Y.Doc();
    resend.settle(rebuilt, 'p_asa');
    expect(titles(rebuilt)).toEqual([]);
    now = RESEND_WINDOW_MS + 1;
    resend.settle(rebuilt, 'key_asa');
    expect(titles(rebuilt)).toEqual([]);
  });
});
