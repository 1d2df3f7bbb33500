import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.js';
import { RedisFanout } from '../../server/scale/RedisFanout.js';
import { startRedis, type RunningRedis } from '../../fixtures/redis.js';
import { waitUntil } from './support.js';

/**
 * The Redis fan-out between two instances (two RedisFanouts in this process) on a real redis-server: what one
 * publishes reaches the other's rooms of that document, byte for byte with its sequence number, and never
 * comes back to itself, and presence travels the same way; when Redis dies or hangs it says so, and when Redis is
 * back it resubscribes by itself.
 */
describe('Redis fan-out', () => {
  let redis: RunningRedis;
  let a: RedisFanout;
  let b: RedisFanout;
  const log = createLogger('error');

  beforeAll(async () => {
    redis = await startRedis();
    a = new RedisFanout(redis.url, log);
    b = new RedisFanout(redis.url, log);
    await waitUntil(() => a.healthy && b.healthy, 5_000);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await redis?.stop();
  });

  it('delivers another instance’s update of the same document, binary-safe, and never an instance’s own', async () => {
    const atB: Array<[number, number[]]> = [];
    const atA: Array<[number, number[]]> = [];
    const otherDocAtB: number[] = [];
    const stopB = b.subscribe('board1', 'private/p1', (seq, update) => atB.push([seq, [...update]]));
    const stopA = a.subscribe('board1', 'private/p1', (seq, update) => atA.push([seq, [...update]]));
    const stopOther = b.subscribe('board1', 'control', (seq) => otherDocAtB.push(seq));
    await waitUntil(async () => {
      // A subscription takes effect when Redis confirms it: publish until the first message arrives.
      a.publish('board1', 'private/p1', 1, new Uint8Array([0]));
      await new Promise((r) => setTimeout(r, 20));
      return atB.length > 0;
    });
    atB.length = 0;
    const bytes = new Uint8Array([0, 1, 2, 255, 13, 10, 0, 128]);
    a.publish('board1', 'private/p1', 2 ** 40 + 7, bytes);
    await waitUntil(() => atB.length === 1);
    expect(atB).toEqual([[2 ** 40 + 7, [...bytes]]]);
    expect(atA).toEqual([]);
    expect(otherDocAtB).toEqual([]);

    stopB();
    a.publish('board1', 'private/p1', 3, bytes);
    b.publish('board1', 'private/p1', 4, bytes);
    await waitUntil(() => atA.length === 1);
    expect(atA).toEqual([[4, [...bytes]]]);
    expect(atB).toHaveLength(1);
    stopA();
    stopOther();
  });

  it('carries presence on the document’s channel: a room subscribing asks the others for theirs, and presence reaches every other instance, never its sender', async () => {
    const heard = { a: [] as Array<[string, number[]]>, b: [] as Array<[string, number[]]> };
    const asked = { a: 0, b: 0 };
    const listener = (at: 'a' | 'b') => ({ received: (from: string, update: Uint8Array) => heard[at].push([from, [...update]]), wanted: () => asked[at]++ });
    const stopA = a.subscribePresence('board3', 'board', listener('a'));
    await waitUntil(async () => {
      b.publishPresence('board3', 'board', new Uint8Array([0]));
      await new Promise((r) => setTimeout(r, 20));
      return heard.a.length > 0;
    });
    heard.a.length = 0;

    const stopB = b.subscribePresence('board3', 'board', listener('b'));
    await waitUntil(() => asked.a === 1);
    const bytes = new Uint8Array([1, 200, 0, 13, 10]);
    a.publishPresence('board3', 'board', bytes);
    await waitUntil(() => heard.b.length === 1);
    expect(heard.b[0][1]).toEqual([...bytes]);
    expect(heard.b[0][0]).toMatch(/^[0-9a-f]{32}$/);
    expect(heard.a).toEqual([]);
    expect(asked.b).toBe(0);
    stopA();
    stopB();
  });

  it('says degraded within 3 s of Redis hanging (stopped, its connections open), and healthy again once it answers', async () => {
    redis.freeze();
    try {
      await waitUntil(() => !a.healthy && !b.healthy, 3_000);
      expect(b.degraded()?.reason).toMatch(/did not answer/);
    } finally {
      redis.thaw();
    }
    await waitUntil(() => a.healthy && b.healthy, 10_000);
  });

  it('says degraded while Redis is down, and resubscribes its channels when Redis is back', async () => {
    const atB: number[] = [];
    const stop = b.subscribe('board2', 'board', (seq) => atB.push(seq));
    await redis.stop();
    await waitUntil(() => !a.healthy && !b.healthy);
    expect(b.degraded()?.reason).toMatch(/Redis unreachable/);
    // Sent into the void: the update is in the log, and rooms read it from there while the fan-out is down.
    a.publish('board2', 'board', 1, new Uint8Array([1]));

    await redis.start();
    await waitUntil(() => a.healthy && b.healthy, 10_000);
    expect(b.degraded()).toBeNull();
    a.publish('board2', 'board', 2, new Uint8Array([2]));
    await waitUntil(() => atB.length > 0);
    expect(atB).toEqual([2]);
    stop();
  });
});
