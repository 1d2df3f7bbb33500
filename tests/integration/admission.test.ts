import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connect, createBoard, startTestServer, synced, waitUntil, type TestClient } from './support.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(undefined, { ADMIT_PER_SECOND: '20' });
});
afterAll(() => server.close());

describe('admission control', () => {
  it('past the admission rate a session is told to come back, and stock clients all get in by retrying', async () => {
    const board = await createBoard(server.url);
    const url = `${server.url.replace('http', 'ws')}/ws/${board.boardId}?token=${board.observerToken}`;
    const closes = await Promise.all(
      Array.from({ length: 60 }, () => new Promise<number>((resolve) => {
        const ws = new WebSocket(url);
        ws.on('close', (code) => resolve(code));
        ws.on('message', () => ws.close(1000));
      })),
    );
    const busy = closes.filter((code) => code === 1013).length;
    expect(busy).toBeGreaterThan(0);
    // One board from one address may use half the rate, in bursts of a tenth: 2 at once of the 20.
    expect(closes.filter((code) => code === 1000).length).toBeGreaterThanOrEqual(2);

    const clients: TestClient[] = Array.from({ length: 60 }, () => connect(server.url, board.boardId, board.facilitatorToken));
    try {
      await waitUntil(() => clients.every((c) => c.provider.synced), 20_000);
      expect(clients.flatMap((c) => c.closes).some((c) => c.code === 1013 && c.reason === 'server busy, try again shortly')).toBe(true);
      await Promise.all(clients.map((c) => synced(c)));
    } finally {
      clients.forEach((c) => c.destroy());
    }
  });
});
