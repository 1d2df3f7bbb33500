import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, cardBody, deleteCard, moveCard, notesOf, readCards, setCardTitle } from '../../shared/boardDoc';
import { mergeCards, separateCard } from '../../shared/cardMerge';
import { LiveCards } from './LiveCards';

function writeBody(doc: Y.Doc, cardId: string, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = cardBody(doc, cardId)!;
  doc.transact(() => {
    body.delete(0, body.length);
    body.insert(0, [paragraph]);
  });
}

function board(count: number): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  const ids = Array.from({ length: count }, (_, i) => addCard(doc, { title: `Card ${i}`, author: 'p1', id: `card-${i}` }));
  return { doc, ids };
}

describe('LiveCards', () => {
  it('reads the cards in the order readCards gives, with their bodies', () => {
    const { doc, ids } = board(3);
    writeBody(doc, ids[1]!, 'Apprenticeships take four years.');
    const live = LiveCards.of(doc);
    expect(live.getCards()).toEqual(readCards(doc));
    expect(live.getBodies().get(ids[1]!)).toBe('Apprenticeships take four years.');
    expect(live.getBodies().get(ids[0]!)).toBe('');
  });

  it('gives a merged card a new view, and a separated one again, when the pair is already in one theme', () => {
    const { doc, ids } = board(2);
    const live = LiveCards.of(doc);
    doc.transact(() => ids.forEach((id) => moveCard(doc, id, 'theme-1')));
    const before = live.getCards();
    const { joined, lead } = mergeCards(doc, ids[0]!, ids[1]!)!;
    const merged = live.getCards();
    expect(merged).not.toBe(before);
    expect(merged.find((card) => card.id === joined)?.mergedInto).toBe(lead);
    separateCard(doc, joined);
    expect(live.getCards().find((card) => card.id === joined)?.mergedInto).toBeUndefined();
  });

  it('is one per document', () => {
    const { doc } = board(1);
    expect(LiveCards.of(doc)).toBe(LiveCards.of(doc));
  });

  it('keeps every object when something outside the cards changed', () => {
    const { doc } = board(3);
    const live = LiveCards.of(doc);
    const cards = live.getCards();
    const bodies = live.getBodies();
    notesOf(doc).insert(0, [new Y.XmlText('Notes of the facilitator')]);
    expect(live.getCards()).toBe(cards);
    expect(live.getBodies()).toBe(bodies);
  });

  it('gives a moved card a new object and keeps the others', () => {
    const { doc, ids } = board(3);
    const live = LiveCards.of(doc);
    const before = live.getCards();
    const bodiesBefore = live.getBodies();
    moveCard(doc, ids[1]!, 'theme-1');
    const after = live.getCards();
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toEqual({ ...before[1], cluster: 'theme-1' });
    expect(after[2]).toBe(before[2]);
    expect(live.getBodies()).toBe(bodiesBefore);
  });

  it('follows a body being written without touching the cards', () => {
    const { doc, ids } = board(2);
    const live = LiveCards.of(doc);
    const cards = live.getCards();
    writeBody(doc, ids[0]!, 'Firms compete for the same few people.');
    expect(live.getCards()).toBe(cards);
    expect(live.getBodies().get(ids[0]!)).toBe('Firms compete for the same few people.');
  });

  it('follows cards added, retitled and deleted, also by another client', () => {
    const { doc, ids } = board(2);
    const live = LiveCards.of(doc);
    live.getCards();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    remote.on('update', (update: Uint8Array) => Y.applyUpdate(doc, update));
    addCard(remote, { title: 'Late card', author: 'p2', id: 'card-late' });
    setCardTitle(remote, ids[0]!, 'Retitled');
    deleteCard(remote, ids[1]!);
    expect(live.getCards()).toEqual(readCards(doc));
    expect(live.getCards().map((c) => c.title)).toEqual(['Retitled', 'Late card']);
    expect([...live.getBodies().keys()].sort()).toEqual([ids[0], 'card-late'].sort());
  });

  it('tells its subscribers about changes to the cards only', () => {
    const { doc, ids } = board(1);
    const live = LiveCards.of(doc);
    let calls = 0;
    const unsubscribe = live.subscribe(() => calls++);
    notesOf(doc).insert(0, [new Y.XmlText('Notes')]);
    setCardTitle(doc, ids[0]!, 'New title');
    unsubscribe();
    setCardTitle(doc, ids[0]!, 'Newer title');
    expect(calls).toBe(1);
  });
});
