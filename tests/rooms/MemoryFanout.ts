import type { Fanout } from '../../server/rooms/Fanout.js';

type Listener = (seq: number, update: Uint8Array) => void;

/**
 * Several "instances" in one process, joined like Redis would join them: each instance's fan-out delivers
 * what it publishes to the others' subscribers of the same document (never its own), a moment later. A test
 * can drop messages (a lost pub/sub message, Redis down) and say the fan-out is unhealthy.
 */
export class MemoryBus {
  private readonly subscribers = new Map<string, Set<{ instance: number; listener: Listener }>>();
  readonly published: Array<{ instance: number; seq: number }> = [];
  healthy = true;
  /** Returns true for a message that is lost on its way. */
  drops: (seq: number) => boolean = () => false;

  fanout(instance: number): Fanout {
    const bus = this;
    return {
      get healthy() {
        return bus.healthy;
      },
      publish(boardId, docName, seq, update) {
        bus.published.push({ instance, seq });
        if (bus.drops(seq)) return;
        for (const s of bus.subscribers.get(`${boardId}/${docName}`) ?? []) {
          if (s.instance !== instance) setImmediate(() => s.listener(seq, update));
        }
      },
      subscribe(boardId, docName, listener) {
        const key = `${boardId}/${docName}`;
        const entry = { instance, listener };
        const set = bus.subscribers.get(key) ?? new Set();
        set.add(entry);
        bus.subscribers.set(key, set);
        return () => set.delete(entry);
      },
    };
  }
}
