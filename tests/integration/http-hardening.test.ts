import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { CreateBoardResponse } from '../../shared/api.js';
import { api, connect, createBoard, rawClose, startTestServer, synced, tempDataDir, type TestClient } from './support.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const servers: Server[] = [];
const clients: TestClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function serverWith(env: Record<string, string> = {}): Promise<Server> {
  const server = await startTestServer(undefined, env);
  servers.push(server);
  return server;
}

/** Sends raw bytes and resolves with the first line the server answers: fetch would refuse to send these. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(answer.slice(0, answer.indexOf('\r\n')));
      }
    });
    socket.on('error', reject);
  });
}

/** Opens a WebSocket the way a browser page of `origin` would, and resolves with its fate. */
function openFrom(url: string, origin: string): Promise<{ open: true } | { code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    let opened = false;
    ws.on('open', () => (opened = true));
    ws.on('message', () => {
      // The server greets an admitted session with its sync step 1: the connection is really in.
      ws.close();
      resolve({ open: true });
    });
    ws.on('close', (code, reason) => !opened || resolve({ code, reason: reason.toString() }));
    ws.on('error', reject);
  });
}

describe('malformed requests', () => {
  it('answers broken %-encoding and an empty path with 400 at once, and keeps serving', async () => {
    const server = await serverWith();
    for (const target of ['/%ZZ', '/api/join/%E0%A4%A', '//']) {
      expect(await rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: localhost\r\n\r\n`)).toBe('HTTP/1.1 400 Bad Request');
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('closes a socket whose headers never finish (408) instead of holding it for minutes', async () => {
    const server = await serverWith();
    const answer = await rawRequest(server.port, 'GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(answer).toBe('HTTP/1.1 408 Request Timeout');
  });
});

describe('WebSocket origins', () => {
  it('without PUBLIC_URL: the page must come from the host it connects to; clients without an Origin may connect', async () => {
    const server = await serverWith();
    const board = await createBoard(server.url);
    const url = `${server.url.replace('http', 'ws')}/ws/${board.boardId}?token=${board.facilitatorToken}`;

    expect(await openFrom(url, 'https://evil.example')).toEqual({ code: 4403, reason: 'pages from this origin may not open boards' });
    expect(await openFrom(url, 'null')).toEqual({ code: 4403, reason: 'pages from this origin may not open boards' });
    expect(await openFrom(url, server.url)).toEqual({ open: true });
    // The stock y-websocket client in Node sends no Origin, as any non-browser client.
    const stock = connect(server.url, board.boardId, board.facilitatorToken);
    clients.push(stock);
    await synced(stock);
  });

  it('listening beyond this machine without PUBLIC_URL or ALLOWED_ORIGINS, the server says at start that it should be set', async () => {
    const warnings = async (env: Record<string, string>) => {
      const lines: string[] = [];
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
      try {
        await serverWith({ HOST: '0.0.0.0', LOG_LEVEL: 'warn', ...env });
      } finally {
        stderr.mockRestore();
      }
      return lines.map((line) => JSON.parse(line) as { level: string; msg: string }).filter((line) => line.level === 'warn' && line.msg.includes('PUBLIC_URL'));
    };
    expect(await warnings({})).toHaveLength(1);
    expect(await warnings({ PUBLIC_URL: 'https://forum.example.org/' })).toEqual([]);
    expect(await warnings({ ALLOWED_ORIGINS: 'https://intranet.example.org' })).toEqual([]);
  });

  it('with PUBLIC_URL and ALLOWED_ORIGINS: exactly those origins', async () => {
    const server = await serverWith({ PUBLIC_URL: 'https://forum.example.org/', ALLOWED_ORIGINS: 'https://intranet.example.org' });
    const board = await createBoard(server.url);
    const url = `${server.url.replace('http', 'ws')}/ws/${board.boardId}?token=${board.facilitatorToken}`;

    expect(await openFrom(url, 'https://forum.example.org')).toEqual({ open: true });
    expect(await openFrom(url, 'https://intranet.example.org')).toEqual({ open: true });
    expect(await openFrom(url, server.url)).toMatchObject({ code: 4403 });
    expect(await openFrom(url, 'https://forum.example.org.evil.example')).toMatchObject({ code: 4403 });
  });
});

describe('security headers', () => {
  let server: Server;
  let board: CreateBoardResponse;
  beforeAll(async () => {
    const clientDir = tempDataDir();
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Forumboard</title><script type="module" src="/assets/app.js"></script>');
    fs.writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'console.log("Forumboard");');
    server = await serverWith({ CLIENT_DIR: clientDir });
    board = await createBoard(server.url);
  });

  it('are on the page, its scripts, the API, errors and exports', async () => {
    const answers = [
      await fetch(`${server.url}/b/${board.boardId}`),
      await fetch(`${server.url}/assets/app.js`),
      await fetch(`${server.url}/api/boards/${board.boardId}`, { headers: { authorization: `Bearer ${board.facilitatorToken}` } }),
      await fetch(`${server.url}/api/boards/${board.boardId}`),
      await fetch(`${server.url}/api/boards/${board.boardId}/export?format=json`, { headers: { authorization: `Bearer ${board.facilitatorToken}` } }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 401, 200]);
    for (const answer of answers) {
      const csp = answer.headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('permissions-policy')).toContain('camera=()');
    }
  });
});

describe('/metrics', () => {
  it('answers only to the metrics token when METRICS_TOKEN is set', async () => {
    const server = await serverWith({ METRICS_TOKEN: 'scrape-me-7f3a' });
    expect((await api(server.url, 'GET', '/metrics')).status).toBe(401);
    expect((await api(server.url, 'GET', '/metrics', undefined, 'scrape-me-7f3b')).status).toBe(401);
    const scraped = await api<string>(server.url, 'GET', '/metrics', undefined, 'scrape-me-7f3a');
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('forumboard_connections');
  });

  it('without METRICS_TOKEN, answers a scraper on the private network and nobody who came through a proxy', async () => {
    const server = await serverWith();
    expect((await api(server.url, 'GET', '/metrics')).status).toBe(200);
    const proxied = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(proxied.status).toBe(403);
  });
});

describe('boards cannot be enumerated', () => {
  it('an unknown board and a wrong token get the same answer over HTTP and WebSocket', async () => {
    const server = await serverWith();
    const board = await createBoard(server.url);
    const ask = async (boardId: string) => {
      const res = await fetch(`${server.url}/api/boards/${boardId}/export?format=json`, { headers: { authorization: 'Bearer not-a-token' } });
      return { status: res.status, body: await res.text() };
    };
    const unknown = await ask('no-such-board');
    expect(unknown.status).toBe(401);
    expect(await ask(board.boardId)).toEqual(unknown);

    const ws = server.url.replace('http', 'ws');
    const unknownClose = await rawClose(`${ws}/ws/no-such-board?token=not-a-token`);
    expect(unknownClose).toEqual({ code: 4401, reason: 'invalid token for this board' });
    expect(await rawClose(`${ws}/ws/${board.boardId}?token=not-a-token`)).toEqual(unknownClose);
    expect(await rawClose(`${ws}/ws/${board.boardId}/control?token=not-a-token`)).toEqual(unknownClose);
  });
});
