import type { Fanout, RemotePresence } from '../../server/rooms/Fanout.js';

type Listener = (seq: number, update: Uint8Array) => void;

/**
 * Several "instances" in one process, joined like Redis would join them: each instance's fan-out delivers
 * what it publishes to the others' subscribers of the same document (never its own), a moment later. A test
 * can drop messages (a lost pub/sub message, Redis down) and say the fan-out is unhealthy.
 */
export class MemoryBus {
  private readonly subscribers = new Map<string, Set<{ instance: number; listener: Listener }>>();
  private readonly presence = new Map<string, Set<{ instance: number; listener: RemotePresence }>>();
  readonly published: Array<{ instance: number; seq: number }> = [];
  /** Presence messages published, by instance: what a room costs the fan-out. */
  readonly presencePublished: number[] = [];
  healthy = true;
  /** Returns true for a message that is lost on its way. */
  drops: (seq: number) => boolean = () => false;

  fanout(instance: number): Fanout {
    const bus = this;
    const others = <T>(subscribers: Map<string, Set<{ instance: number; listener: T }>>, key: string) =>
      [...(subscribers.get(key) ?? [])].filter((s) => s.instance !== instance).map((s) => s.listener);
    const join = <T>(subscribers: Map<string, Set<{ instance: number; listener: T }>>, key: string, listener: T) => {
      const entry = { instance, listener };
      const set = subscribers.get(key) ?? new Set();
      set.add(entry);
      subscribers.set(key, set);
      return () => void set.delete(entry);
    };
    return {
      get healthy() {
        return bus.healthy;
      },
      publish(boardId, docName, seq, update) {
        bus.published.push({ instance, seq });
        if (bus.drops(seq)) return;
        for (const listener of others(bus.subscribers, `${boardId}/${docName}`)) setImmediate(() => listener(seq, update));
      },
      subscribe(boardId, docName, listener) {
        return join(bus.subscribers, `${boardId}/${docName}`, listener);
      },
      publishPresence(boardId, docName, update) {
        bus.presencePublished[instance] = (bus.presencePublished[instance] ?? 0) + 1;
        if (!bus.healthy) return;
        for (const listener of others(bus.presence, `${boardId}/${docName}`)) setImmediate(() => listener.received(`instance-${instance}`, update));
      },
      subscribePresence(boardId, docName, listener) {
        const key = `${boardId}/${docName}`;
        const stop = join(bus.presence, key, listener);
        for (const other of others(bus.presence, key)) setImmediate(() => other.wanted());
        return stop;
      },
    };
  }
}
