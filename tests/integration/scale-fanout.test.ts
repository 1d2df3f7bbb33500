import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log.js';
import { RedisFanout } from '../../server/scale/RedisFanout.js';
import { startRedis, type RunningRedis } from '../../fixtures/redis.js';
import { waitUntil } from './support.js';

/**
 * The Redis fan-out between two instances (two RedisFanouts in this process) on a real redis-server: what one
 * publishes reaches the other's rooms of that document, byte for byte with its sequence number, and never
 * comes back to itself; when Redis dies it says so, and when Redis is back it resubscribes by itself.
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
