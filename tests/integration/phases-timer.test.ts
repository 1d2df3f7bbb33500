import { describe, expect, it } from 'vitest';
import { readMeta } from '../../shared/controlDoc.js';
import { timerRemaining } from '../../shared/timer.js';
import { phasesOf } from '../../shared/phases.js';
import { api, createBoard, join, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

describe('phases and timer, driven by the facilitator through the server', () => {
  it('every client follows each phase change within a second, forward and back', async () => {
    const board = await createBoard(server.url);
    const people = await Promise.all(['Åsa Lindqvist', 'Leila Haddad', 'Eva Sjöberg'].map((name, i) => join(server.url, board, name, ['Företag', 'Fackförbund', 'Region'][i])));
    const controls = [...people.map((p) => p.token), board.observerToken].map((token) => server.connect(`${board.boardId}/control`, token));
    await Promise.all(controls.map((c) => synced(c)));
    for (const phase of [...phasesOf(false).slice(1), 'cluster' as const, 'collect' as const]) {
      const sent = performance.now();
      expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase }, board.facilitatorToken)).status).toBe(200);
      await waitUntil(() => controls.every((c) => readMeta(c.doc)?.phase === phase), 1000);
      expect(performance.now() - sent).toBeLessThan(1000);
    }
  });

  it('starts, pauses, extends and stops the timer; every client reads the same end time', async () => {
    const board = await createBoard(server.url);
    const p = await join(server.url, board, 'Sofia Björk', 'Lärosäte');
    const a = server.connect(`${board.boardId}/control`, p.token);
    const b = server.connect(`${board.boardId}/control`, board.observerToken);
    await Promise.all([synced(a), synced(b)]);
    const timer = (body: unknown) => api<{ timer: { status: string } }>(server.url, 'POST', `/api/boards/${board.boardId}/timer`, body, board.facilitatorToken);
    await timer({ action: 'start', seconds: 300 });
    await waitUntil(() => readMeta(a.doc)?.timer.status === 'running' && readMeta(b.doc)?.timer.status === 'running');
    expect(readMeta(a.doc)?.timer).toEqual(readMeta(b.doc)?.timer);
    const { now } = (await api<{ now: number }>(server.url, 'GET', '/api/time')).body;
    const left = timerRemaining(readMeta(a.doc)!.timer, now);
    expect(left).toBeGreaterThan(295_000);
    expect(left).toBeLessThanOrEqual(300_000);

    await timer({ action: 'pause' });
    await waitUntil(() => readMeta(b.doc)?.timer.status === 'paused');
    await timer({ action: 'extend', seconds: 60 });
    await waitUntil(() => timerRemaining(readMeta(b.doc)!.timer, Date.now()) > 350_000);
    expect((await timer({ action: 'resume' })).body.timer.status).toBe('running');
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/timer`, { action: 'start', seconds: 1 }, board.facilitatorToken)).status).toBe(400);
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/timer`, { action: 'stop' }, p.token)).status).toBe(403);
    await timer({ action: 'stop' });
    await waitUntil(() => readMeta(a.doc)?.timer.status === 'idle');
  });

  it('reopening collect lets participants add cards again, until the phase moves on', async () => {
    const board = await createBoard(server.url);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    const settings = await api<{ settings: { collectReopened: boolean } }>(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { collectReopened: true }, board.facilitatorToken);
    expect(settings.body.settings.collectReopened).toBe(true);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'vote' }, board.facilitatorToken);
    const summary = await api<{ phase: string }>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, board.facilitatorToken);
    expect(summary.body.phase).toBe('vote');
    const c = server.connect(`${board.boardId}/control`, board.observerToken);
    await synced(c);
    expect(readMeta(c.doc)?.settings.collectReopened).toBe(false);
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { silentCollect: 'yes' }, board.facilitatorToken)).status).toBe(400);
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { darkMode: true }, board.facilitatorToken)).status).toBe(400);
  });
});
