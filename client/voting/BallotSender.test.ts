import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BallotSender } from './BallotSender';

const address = { boardId: 'b1', token: 'tok', roundId: 'r1', participantId: 'p1' };
const storageKey = 'forumboard:ballot:b1:r1:p1';

type Answer = { status: number; body: unknown } | 'network-down';

/** A fake server: answers the queued replies in order and records every request. */
function fakeServer(answers: Answer[]) {
  const requests: Array<{ method: string; body: unknown }> = [];
  const fetch = vi.fn(async (_path: string, init: RequestInit) => {
    requests.push({ method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined });
    const answer = answers.shift() ?? { status: 200, body: { roundId: 'r1', allocations: {}, updatedAt: 1 } };
    if (answer === 'network-down') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: (i) => Array.from(items.keys())[i] ?? null,
    get length() {
      return items.size;
    },
  };
}

const stored = (allocations: Record<string, number>, updatedAt = 5) => ({ status: 200, body: { roundId: 'r1', allocations, updatedAt } });
/** What the server answers before a participant's first ballot. */
const noBallotYet = { status: 200, body: { roundId: 'r1', allocations: {}, updatedAt: null } };
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('BallotSender', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', new EventTarget());
    vi.stubGlobal('localStorage', memoryStorage());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('restores the stored ballot, then sends taps in a row as one whole ballot', async () => {
    const requests = fakeServer([stored({ a: 1 }), stored({ a: 2, b: 1 }, 9)]);
    const sender = new BallotSender(address);
    await settle();
    expect(sender.getSnapshot()).toEqual({ allocations: { a: 1 }, status: { kind: 'stored', at: 5 } });

    sender.change({ a: 2 });
    sender.change({ a: 2, b: 1 });
    await vi.advanceTimersByTimeAsync(300);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT']);
    expect(requests[1]!.body).toEqual({ allocations: { a: 2, b: 1 } });
    expect(sender.getSnapshot().status).toEqual({ kind: 'stored', at: 9 });
    expect(localStorage.getItem(storageKey)).toBeNull();
  });

  it('keeps a ballot the server could not be reached for, and sends it when the browser is back online', async () => {
    const requests = fakeServer([noBallotYet, 'network-down', stored({ a: 3 })]);
    const sender = new BallotSender(address);
    await settle();
    expect(sender.getSnapshot().status).toEqual({ kind: 'empty' });

    sender.change({ a: 3 });
    await vi.advanceTimersByTimeAsync(300);
    expect(sender.getSnapshot().status).toEqual({ kind: 'waiting' });
    expect(JSON.parse(localStorage.getItem(storageKey)!)).toEqual({ a: 3 });

    window.dispatchEvent(new Event('online'));
    await settle();
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
    expect(sender.getSnapshot().status.kind).toBe('stored');
    expect(localStorage.getItem(storageKey)).toBeNull();
  });

  it('sends a ballot left waiting by an earlier page, before anything else', async () => {
    localStorage.setItem(storageKey, JSON.stringify({ b: 2 }));
    const requests = fakeServer([stored({ b: 2 })]);
    const sender = new BallotSender(address);
    expect(sender.getSnapshot()).toEqual({ allocations: { b: 2 }, status: { kind: 'waiting' } });
    await settle();
    expect(requests).toEqual([{ method: 'PUT', body: { allocations: { b: 2 } } }]);
    expect(sender.getSnapshot().status.kind).toBe('stored');
  });

  it('shows a refusal and stops retrying a ballot the server will never take', async () => {
    const requests = fakeServer([noBallotYet, { status: 409, body: { error: 'this round is closed' } }]);
    const sender = new BallotSender(address);
    await settle();
    sender.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(60_000);
    const status = sender.getSnapshot().status;
    expect(status.kind === 'refused' && status.failure.body?.error).toBe('this round is closed');
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(localStorage.getItem(storageKey)).toBeNull();
  });
});
