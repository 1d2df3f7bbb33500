import { afterEach, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { CLOSE } from '../../shared/closeCodes.js';
import { SyncedDoc } from '../../client/kernel/sync/SyncedDoc.js';
import { createBoard, startTestServer, waitUntil } from './support.js';

afterEach(() => vi.unstubAllGlobals());

/**
 * The browser's side of a deploy: when its server closes with 1012 (restarting), the board's connection opens a new
 * socket at once, through the balancer to another instance, instead of waiting out y-websocket's backoff first.
 */
it('a synced board connection closed with 1012 opens its next socket at once', async () => {
  const server = await startTestServer();
  const board = await createBoard(server.url, { language: 'en' });
  const opened: number[] = [];
  class CountedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      opened.push(performance.now());
    }
  }
  vi.stubGlobal('location', { protocol: 'http:', host: `127.0.0.1:${server.port}` });
  vi.stubGlobal('WebSocket', CountedWebSocket);
  const synced = new SyncedDoc(board.boardId, board.facilitatorToken, { changed: () => {}, fatal: () => {}, refused: () => {} });
  try {
    await waitUntil(() => synced.provider.synced, 5000);
    const closed = new Promise<{ code: number; socketsBefore: number }>((resolve) =>
      synced.provider.on('connection-close', (event) => resolve({ code: event?.code ?? 0, socketsBefore: opened.length })),
    );
    void server.close();
    const { code, socketsBefore } = await closed;
    // Whatever was scheduled in the close itself has run; y-websocket's own retry waits at least 200 ms.
    await new Promise((resolve) => setImmediate(resolve));
    expect(code).toBe(CLOSE.serviceRestart);
    expect(opened.length).toBe(socketsBefore + 1);
  } finally {
    synced.destroy();
  }
});
