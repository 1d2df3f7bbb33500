import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docVersion, subscribeToDoc } from './docVersion';

const setPhase = (doc: Y.Doc, phase: string) => doc.getMap('meta').set('phase', phase);

describe('a view following a document', () => {
  it('sees an update that arrived between reading the document and subscribing to it', () => {
    const doc = new Y.Doc();
    setPhase(doc, 'cluster');
    const rendered = docVersion(doc); // the vote screen renders...
    doc.getMap('rounds').set('r_1', { state: 'open' }); // ...the round arrives before its effect subscribes...
    subscribeToDoc(doc, () => undefined);
    expect(docVersion(doc)).not.toBe(rendered); // ...and the check after subscribing re-renders it
  });

  it('is told of each later update with the count already including it, until it unsubscribes', () => {
    const doc = new Y.Doc();
    const seen: number[] = [];
    const unsubscribe = subscribeToDoc(doc, () => seen.push(docVersion(doc)));
    setPhase(doc, 'vote');
    setPhase(doc, 'results');
    unsubscribe();
    setPhase(doc, 'agree');
    expect(seen).toEqual([1, 2]);
    expect(docVersion(doc)).toBe(3);
  });
});
