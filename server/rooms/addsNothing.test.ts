import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, cardsOf, setCardTitle } from '../../shared/boardDoc.js';
import { addsNothing } from './addsNothing.js';

/** A server document with history: cards added, retitled (each retitle deletes the old title) and one removed. */
function serverDoc(): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  const ids = Array.from({ length: 5 }, (_, i) => addCard(doc, { title: `Kort ${i}`, author: 'p1' }));
  ids.forEach((id, i) => setCardTitle(doc, id, `Kort ${i}, omformulerat`));
  cardsOf(doc).delete(ids[4]);
  return { doc, ids };
}

/** A reader's client holding exactly what the server holds. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** What a stock client answers the server's sync step 1 with. */
const step2 = (client: Y.Doc, server: Y.Doc) => Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));

describe('whether a client update adds nothing to the document', () => {
  it('a reader in sync sends its whole delete set, and that adds nothing', () => {
    const { doc } = serverDoc();
    const update = step2(replica(doc), doc);
    expect(Y.decodeUpdate(update).ds.clients.size).toBeGreaterThan(0);
    expect(addsNothing(doc, update)).toBe(true);
  });

  it('a reader that reconnects behind the server adds nothing either', () => {
    const { doc, ids } = serverDoc();
    const behind = replica(doc);
    setCardTitle(doc, ids[0], 'Nyare på servern');
    expect(addsNothing(doc, step2(behind, doc))).toBe(true);
  });

  it('a new item is something', () => {
    const { doc } = serverDoc();
    const client = replica(doc);
    addCard(client, { title: 'Skrivet offline', author: 'p2' });
    expect(addsNothing(doc, step2(client, doc))).toBe(false);
  });

  it('a deletion alone of an item the server keeps is something', () => {
    const { doc, ids } = serverDoc();
    const client = replica(doc);
    cardsOf(client).delete(ids[0]);
    expect(addsNothing(doc, step2(client, doc))).toBe(false);
  });

  it('a deletion of an item the server never saw is something', () => {
    const { doc } = serverDoc();
    const client = replica(doc);
    const offline = addCard(client, { title: 'Kort som togs bort', author: 'p2' });
    const withoutTheItem = Y.encodeStateVector(client);
    cardsOf(client).delete(offline);
    expect(addsNothing(doc, Y.encodeStateAsUpdate(client, withoutTheItem))).toBe(false);
  });

  it('bytes that are no update are not nothing', () => {
    const { doc } = serverDoc();
    expect(addsNothing(doc, new Uint8Array([255, 255, 255, 255, 1]))).toBe(false);
  });

  it('agrees with applying the update to a copy of the document, for each update of a client the server has in part', () => {
    const { doc, ids } = serverDoc();
    const client = replica(doc);
    const sent: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => sent.push(u));
    addCard(client, { title: 'Ett', author: 'p2' });
    setCardTitle(client, ids[1], 'Två');
    cardsOf(client).delete(ids[2]);
    Y.applyUpdate(doc, sent[0]); // the first change reached the server before the connection dropped
    for (const update of [...sent, Y.mergeUpdates(sent), step2(client, doc)]) {
      const copy = replica(doc);
      let changed = false;
      copy.on('update', () => {
        changed = true;
      });
      Y.applyUpdate(copy, update);
      const viaCopy = !changed && copy.store.pendingStructs === null && copy.store.pendingDs === null;
      expect(addsNothing(doc, update)).toBe(viaCopy);
    }
  });
});
