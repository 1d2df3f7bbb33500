import { send } from '../../fixtures/workshopApi.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CreateBoardResponse } from '../../shared/api.js';
import { encodeAwarenessMessage, encodeAwarenessUpdate, type AwarenessEntry } from '../../server/rooms/wire.js';
import { connect, createBoard, rawClose, startTestServer, synced, waitUntil, type TestClient } from './support.js';

/**
 * Limits on abuse, each tried the way an attacker would, beside an honest person doing the ordinary thing.
 * These servers trust X-Forwarded-For from loopback (TRUST_PROXY), so one test process can speak from several
 * client addresses, as a reverse proxy in front of the server would report them.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;
const servers: Server[] = [];
const clients: TestClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function serverWith(env: Record<string, string>): Promise<Server> {
  const server = await startTestServer(undefined, { TRUST_PROXY: 'loopback', ...env });
  servers.push(server);
  return server;
}

async function from(address: string, base: string, method: string, route: string, body?: unknown, token?: string) {
  const res = await send(base, method, route, body, token, address);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { code?: string; error: string } };
}

/** Made-up join codes; that a board of this test has one of them is a chance of one in a billion. */
const wrongCode = (i: number) => `ZZ${String(i).padStart(4, '0').replace(/[01]/g, 'Q')}`;

describe('guessing join codes and tokens', () => {
  let server: Server;
  let board: CreateBoardResponse;
  beforeAll(async () => {
    server = await serverWith({ FAILED_ATTEMPTS_BURST: '20' });
    board = await createBoard(server.url);
  });

  it('slows a join-code guesser with 429 and Retry-After while an honest join in the same second succeeds', async () => {
    const guesser = '203.0.113.7';
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => from(guesser, server.url, 'GET', `/api/join/${wrongCode(i)}`)));
    const honestLookup = from('198.51.100.20', server.url, 'GET', `/api/join/${board.joinCode}`);
    const honestJoin = from('198.51.100.21', server.url, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name: 'Åsa', group: 'Företag' });

    expect(answers.filter((a) => a.status === 404)).toHaveLength(20);
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled).toHaveLength(20);
    for (const answer of throttled) {
      expect(answer.body.code).toBe('too-many-attempts');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    // Even the right code is refused to the guesser now: a throttle that let hits through would slow nothing.
    expect((await from(guesser, server.url, 'GET', `/api/join/${board.joinCode}`)).status).toBe(429);
    expect((await from(guesser, server.url, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name: 'M', group: 'Företag' })).status).toBe(429);

    expect((await honestLookup).status).toBe(200);
    expect((await honestJoin).status).toBe(201);
  });

  it('counts wrong join codes sent with a join as guesses too', async () => {
    const answers = [];
    for (let i = 0; i < 21; i++) {
      answers.push(await from('203.0.113.8', server.url, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: wrongCode(i), name: 'M', group: 'Företag' }));
    }
    expect(answers.slice(0, 20).map((a) => a.body.code)).toEqual(Array(20).fill('wrong-join-code'));
    expect(answers[20]).toMatchObject({ status: 429, body: { code: 'too-many-attempts' } });
  });

  it('answers a token guesser 429 over HTTP and 1013 over WebSocket, while valid tokens from the same address keep working', async () => {
    const guesser = '203.0.113.9';
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await from(guesser, server.url, 'GET', `/api/boards/${board.boardId}`, undefined, `forged-${i}`)).status);
    expect(statuses).toEqual([...Array(20).fill(401), 429]);
    expect((await from(guesser, server.url, 'GET', `/api/boards/${board.boardId}`, undefined, board.facilitatorToken)).status).toBe(200);

    const ws = `${server.url.replace('http', 'ws')}/ws/${board.boardId}`;
    const close = await new Promise<{ code: number; reason: string }>((resolve, reject) => {
      const socket = new WebSocket(`${ws}?token=forged`, { headers: { 'x-forwarded-for': guesser } });
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
      socket.on('error', reject);
    });
    expect(close).toEqual({ code: 1013, reason: 'too many wrong tokens from this address; try again shortly' });
    // Another address is not held back by the guesser, and a valid token is never throttled.
    expect(await rawClose(`${ws}?token=forged`)).toEqual({ code: 4401, reason: 'invalid token for this board' });
    const facilitator = connect(server.url, board.boardId, board.facilitatorToken);
    clients.push(facilitator);
    await synced(facilitator);
  });

  it('does not believe X-Forwarded-For unless a trusted proxy is configured', async () => {
    const direct = await startTestServer(undefined, { FAILED_ATTEMPTS_BURST: '5' });
    servers.push(direct);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await from(`192.0.2.${i}`, direct.url, 'GET', `/api/join/${wrongCode(i)}`)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
  });
});

describe('creating boards', () => {
  it('is limited per address and hour, demo boards included, as BOARDS_PER_HOUR says', async () => {
    const server = await serverWith({ BOARDS_PER_HOUR: '3' });
    const create = (address: string) => from(address, server.url, 'POST', '/api/boards', { title: 'Regionaal forum', language: 'nl' });
    const first = [await create('203.0.113.10'), await create('203.0.113.10'), await from('203.0.113.10', server.url, 'POST', '/api/demo-boards', { language: 'nl' })];
    expect(first.map((a) => a.status)).toEqual([201, 201, 201]);

    const refused = await create('203.0.113.10');
    expect(refused).toMatchObject({ status: 429, body: { code: 'too-many-boards' } });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await from('203.0.113.10', server.url, 'POST', '/api/demo-boards', { language: 'nl' })).status).toBe(429);
    expect((await create('198.51.100.30')).status).toBe(201);
  });
});

describe('presence', () => {
  let server: Server;
  let board: CreateBoardResponse;
  beforeAll(async () => {
    server = await serverWith({});
    board = await createBoard(server.url);
  });

  /** Opens a raw connection as an observer, sends `message` once open, and resolves with the close. */
  function offend(message: Uint8Array): Promise<{ code: number; reason: string }> {
    return rawClose(`${server.url.replace('http', 'ws')}/ws/${board.boardId}?token=${board.observerToken}`, (ws) => ws.send(message));
  }

  const presence = (entries: AwarenessEntry[]) => encodeAwarenessMessage(encodeAwarenessUpdate(entries));

  it('one connection publishing 5,000 presences is closed, and an honest peer sees none of them', async () => {
    const honest = connect(server.url, board.boardId, board.facilitatorToken);
    clients.push(honest);
    await synced(honest);
    const flood = Array.from({ length: 5000 }, (_, i) => ({ clientId: 900_000 + i, clock: 1, state: { typing: 'crowd-of-ghosts' } }));

    expect(await offend(presence(flood))).toEqual({ code: 1008, reason: 'one presence per connection' });
    await expectHonestPeerUntouched(honest, 'crowd-of-ghosts');
  });

  it('a presence state of 400 kB is refused, and an honest peer never receives it', async () => {
    const honest = connect(server.url, board.boardId, board.facilitatorToken);
    clients.push(honest);
    await synced(honest);
    const huge = [{ clientId: 31337, clock: 1, state: { typing: 'heavy-ghost' + 'x'.repeat(400_000) } }];

    expect(await offend(presence(huge))).toEqual({ code: 1008, reason: 'presence state over 4 kB' });
    await expectHonestPeerUntouched(honest, 'heavy-ghost');
  });

  /**
   * A second honest person arrives after the offence: once the first sees them, everything the server relayed
   * before has arrived too (one socket, in order), so "not received" is a fact rather than a wait.
   */
  async function expectHonestPeerUntouched(honest: TestClient, marker: string): Promise<void> {
    const latecomer = connect(server.url, board.boardId, board.observerToken);
    clients.push(latecomer);
    await synced(latecomer);
    // A first state (clock 0) is not news to y-protocols; any change of it is.
    latecomer.provider.awareness.setLocalStateField('typing', null);
    await waitUntil(() => honest.provider.awareness.getStates().has(latecomer.doc.clientID));
    expect(honest.received()).not.toContain(marker);
    const seen = [...honest.provider.awareness.getStates().values()].map((state) => JSON.stringify(state));
    expect(seen.filter((state) => state.includes(marker))).toEqual([]);
    expect(honest.closes).toEqual([]);
  }
});
