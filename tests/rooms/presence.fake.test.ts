import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import { DocRoom } from '../../server/rooms/DocRoom.js';
import { PRESENCE_WINDOW_MS } from '../../server/rooms/RoomPresence.js';
import type { ChangePolicy } from '../../server/rooms/types.js';
import { decodeClientMessage } from '../../server/rooms/wire.js';
import { FakePeer } from './FakePeer.js';
import { MemoryDocumentLog } from './MemoryDocumentLog.js';
import { MemoryBus } from './MemoryFanout.js';
import { metrics, roomOptions } from './support.js';

/**
 * Presence in process: rooms of one document on two "instances" joined by the in-memory fan-out, with fake
 * peers that keep the presence they are sent as a stock client does. The same over Redis and real sockets is
 * tests/integration/scale-presence.test.ts.
 */

const acceptAll: ChangePolicy = { check: () => null, accepted: () => {}, reset: () => {} };
const open = (log: MemoryDocumentLog, bus: MemoryBus, instance: number) =>
  DocRoom.open('b1', 'board', log, acceptAll, metrics(), { ...roomOptions(), fanout: bus.fanout(instance) });

/** A peer with a name tag, and the presence it was sent, kept as a stock client keeps it. */
function person(room: DocRoom, name: string): FakePeer & { seen: Awareness; presenceMessages: number } {
  const seen = new Awareness(new Y.Doc());
  seen.setLocalState(null);
  const peer = Object.assign(
    new FakePeer({ role: 'participant', authorId: name, cardKey: null }, (message) => {
      const decoded = decodeClientMessage(message);
      if (decoded.kind !== 'awareness') return;
      peer.presenceMessages++;
      applyAwarenessUpdate(seen, decoded.update, 'server');
    }),
    { seen, presenceMessages: 0 },
  );
  Object.assign(peer, { identity: { id: name, name } });
  room.greet(peer);
  return peer;
}

let nextClientId = 100;
/** What a stock client sends for its own presence: its client id, a clock, its state. */
function publish(room: DocRoom, peer: FakePeer, state: Record<string, unknown> | null, clientId = nextClientId++, clock = 1): number {
  room.applyAwareness(peer, [{ clientId, clock, state }]);
  return clientId;
}

const names = (peer: { seen: Awareness }) =>
  [...peer.seen.getStates().values()].map((state) => (state.user as { name: string } | undefined)?.name).sort();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await sleep(10);
  }
  throw new Error(`never happened: ${what}`);
}

describe('presence across instances', () => {
  it('shows a person on the other instance, and removes them when they leave', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    const [a, b] = await Promise.all([open(log, bus, 1), open(log, bus, 2)]);
    const facilitator = person(a, 'Facilitator');
    publish(a, facilitator, { typing: null });
    const anna = person(b, 'Anna');
    publish(b, anna, { typing: 'card-1' });

    await until(() => names(facilitator).join() === 'Anna,Facilitator', 'the facilitator on A sees Anna, who is on B');
    await until(() => names(anna).join() === 'Anna,Facilitator', 'Anna on B sees the facilitator on A');
    b.leave(anna);
    await until(() => names(facilitator).join() === 'Facilitator', 'Anna is gone on A too');
    await Promise.all([a.unload(), b.unload()]);
  });

  it('asks the other instances when a room loads, so people already there are shown at once', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    const b = await open(log, bus, 2);
    publish(b, person(b, 'Anna'), { typing: null });
    await sleep(PRESENCE_WINDOW_MS + 50);

    const a = await open(log, bus, 1);
    const facilitator = person(a, 'Facilitator');
    await until(() => names(facilitator).join() === 'Anna', 'the room loaded later shows Anna');
    await Promise.all([a.unload(), b.unload()]);
  });

  it("answers another instance's query when a connection here has only sent a state awareness ignores (clock 0)", async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    const b = await open(log, bus, 2);
    const anna = person(b, 'Anna');
    const annaId = publish(b, anna, { typing: null }, undefined, 0);
    publish(b, person(b, 'Bo'), { typing: null });

    const a = await open(log, bus, 1);
    const facilitator = person(a, 'Facilitator');
    await until(() => names(facilitator).join() === 'Bo', 'the room loaded later shows Bo');
    publish(b, anna, { typing: 'card-1' }, annaId, 1);
    await until(() => names(facilitator).join() === 'Anna,Bo', 'and Anna once her state counts');
    await Promise.all([a.unload(), b.unload()]);
  });

  it('merges the presence changes of a window into one message to each peer and one to the other instances', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    const [a, b] = await Promise.all([open(log, bus, 1), open(log, bus, 2)]);
    const watcher = person(a, 'Watcher');
    const people = Array.from({ length: 20 }, (_, i) => person(b, `P${i}`));
    await sleep(PRESENCE_WINDOW_MS + 50);
    const [publishedBefore, receivedBefore] = [bus.presencePublished[2] ?? 0, watcher.presenceMessages];

    const ids = people.map((peer) => publish(b, peer, { typing: null }));
    people.forEach((peer, i) => publish(b, peer, { typing: `card-${i}` }, ids[i], 2));
    await until(() => watcher.seen.getStates().size === 20, 'the watcher on A sees all 20');
    await sleep(PRESENCE_WINDOW_MS + 50);

    expect((bus.presencePublished[2] ?? 0) - publishedBefore).toBe(1);
    expect(watcher.presenceMessages - receivedBefore).toBe(1);
    expect([...watcher.seen.getStates().values()].map((state) => state.typing).sort()).toEqual(people.map((_, i) => `card-${i}`).sort());
    await Promise.all([a.unload(), b.unload()]);
  });

  it('passes on only the fields the board shows, with the identity the server knows', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    const [a, b] = await Promise.all([open(log, bus, 1), open(log, bus, 2)]);
    const watcherHere = person(b, 'Watcher here');
    const watcherThere = person(a, 'Watcher there');
    const mallory = person(b, 'Mallory');
    const id = publish(b, mallory, { typing: 'card-1', name: 'Facilitator', role: 'facilitator', user: { id: 'facilitator', name: 'Facilitator' }, pad: 'x'.repeat(3000) });

    for (const watcher of [watcherHere, watcherThere]) {
      await until(() => watcher.seen.getStates().has(id), 'the watcher sees Mallory');
      expect(watcher.seen.getStates().get(id)).toEqual({ typing: 'card-1', user: { id: 'Mallory', name: 'Mallory' } });
    }
    await Promise.all([a.unload(), b.unload()]);
  });
});
