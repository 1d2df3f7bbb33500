import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard } from '../../shared/boardDoc.js';
import { LIMITS } from '../../shared/limits.js';
import { DEFAULT_SETTINGS } from '../../shared/phases.js';
import { reactionKey, reactionsOf, toggleReaction } from '../../shared/reactions.js';
import type { Writer } from '../auth/Access.js';
import { BoardPolicy } from './boardPolicy.js';

/** The board's policy over one document in process: each change judged as the room judges a peer's, kept only if accepted. */
function judgedBoard() {
  const doc = new Y.Doc();
  const policy = new BoardPolicy(() => ({ phase: 'cluster', settings: DEFAULT_SETTINGS, closed: false }));
  let verdict: string | null = null;
  let writer: Writer = { role: 'facilitator', authorId: 'facilitator', cardKey: null };
  doc.on('afterTransaction', (tr) => {
    verdict = policy.check(tr, doc, writer);
    if (verdict === null) policy.accepted(tr, doc);
  });
  policy.reset(doc);
  return {
    doc,
    /** What the policy said of `change` made by `as`. */
    change(as: Writer, change: () => void): string | null {
      writer = as;
      change();
      return verdict;
    },
  };
}

const participant = (id: string): Writer => ({ role: 'participant', authorId: id, cardKey: null });

describe('the +1s one person may hold', () => {
  it(`refuses a person's +1 past ${LIMITS.maxReactionsPerPerson}, and counts taking one back; another person is not held to it`, () => {
    const board = judgedBoard();
    const cards = Array.from({ length: LIMITS.maxReactionsPerPerson + 1 }, (_, i) => `c${i}`);
    board.change({ role: 'facilitator', authorId: 'facilitator', cardKey: null }, () =>
      board.doc.transact(() => cards.forEach((id) => addCard(board.doc, { id, title: id, author: 'facilitator' }))),
    );
    const asa = participant('asa');
    expect(board.change(asa, () => board.doc.transact(() => cards.slice(0, -1).forEach((id) => reactionsOf(board.doc).set(reactionKey(id, 'asa'), true))))).toBeNull();
    expect(board.change(asa, () => toggleReaction(board.doc, cards.at(-1)!, 'asa', ['asa']))).toBe(`a person holds at most ${LIMITS.maxReactionsPerPerson} +1s (maxReactionsPerPerson)`);
    reactionsOf(board.doc).delete(reactionKey(cards.at(-1)!, 'asa')); // as the room undoes a refused change

    expect(board.change(participant('jonas'), () => toggleReaction(board.doc, cards.at(-1)!, 'jonas', ['jonas']))).toBeNull();
    expect(board.change(asa, () => toggleReaction(board.doc, cards[0]!, 'asa', ['asa']))).toBeNull();
    expect(board.change(asa, () => toggleReaction(board.doc, cards.at(-1)!, 'asa', ['asa']))).toBeNull();
  });
});
