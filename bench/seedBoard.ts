import * as Y from 'yjs';
import { addCard, cardBody } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import type { ServerChild } from './serverProcess.js';
import { openSyncedYClient } from './yclient.js';

/**
 * Writes `count` cards through a facilitator's y-websocket client, one card (title and a one-paragraph body)
 * per update as people add them, and waits until the server has accepted them all. Returns the updates.
 */
export async function seedCards(server: ServerChild, boardId: string, facilitatorToken: string, count: number): Promise<Uint8Array[]> {
  const facilitator = await openSyncedYClient(server.wsUrl, boardId, facilitatorToken);
  const updates: Uint8Array[] = [];
  facilitator.doc.on('update', (update: Uint8Array) => updates.push(update));
  const applied = await server.metric('forumboard_updates_applied_total');
  for (let i = 0; i < count; i++) {
    facilitator.doc.transact(() => {
      const id = addCard(facilitator.doc, { title: `Challenge ${i + 1}: skills shortage in welding and CNC machining, region ${i % 17}`, author: FACILITATOR_ID });
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`Raised by table ${i % 40}. Apprenticeships take four years; firms compete for the same few people.`)]);
      cardBody(facilitator.doc, id)?.insert(0, [paragraph]);
    });
  }
  await server.waitForMetric('forumboard_updates_applied_total', (v) => v >= applied + count, 60_000);
  facilitator.close();
  return updates;
}
