import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { addCard } from '../../shared/boardDoc.js';
import { readMeta, readRound, readTally } from '../../shared/controlDoc.js';
import type { RoundState, Tally } from '../../shared/voting/index.js';
import { openPostgresStores } from '../../server/storage/postgres/openPostgresStores.js';
import { useDeployment } from './instances.js';
import { api, createBoard, join, synced, waitUntil } from './support.js';

/**
 * A reveal whose second write fails: the database stores the revealed round and its tally, then refuses the
 * write that shows it (here a trigger refuses every append to the board's control document, as a database that
 * fails between two statements would). Nothing may stay stuck: revealing again shows the stored tally, and a
 * run-off can follow. A real server on PostgreSQL, its screens stock y-websocket clients.
 */
describe('a reveal cut short between its two writes', () => {
  const setup = useDeployment(1);
  const { open } = setup;

  it('shows the stored tally when the reveal is tried again, and a run-off can follow', async () => {
    const [server] = setup.deployment.instances;
    const board = await createBoard(server.url, { language: 'en' });
    const facilitator = (method: string, route: string, body?: unknown) => api(server.url, method, `/api/boards/${board.boardId}${route}`, body, board.facilitatorToken);
    const onBoard = open(server, board.boardId, board.facilitatorToken);
    await synced(onBoard);
    addCard(onBoard.doc, { title: 'Skills shortage', author: 'facilitator' });
    addCard(onBoard.doc, { title: 'Grid capacity', author: 'facilitator' });
    const voters = [await join(server.url, board, 'Ada', 'company'), await join(server.url, board, 'Bo', 'union'), await join(server.url, board, 'Cy', 'company')];
    const opened = await facilitator('POST', '/rounds', { budget: 3, cap: 3, anonymous: false });
    expect(opened.status).toBe(201);
    const round = opened.body as RoundState;
    for (const voter of voters) {
      const cast = await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { allocations: { [round.items[0]!.id]: 2 } }, voter.token);
      expect(cast.status).toBe(200);
    }
    const screen = open(server, `${board.boardId}/control`, board.observerToken);
    await waitUntil(() => readRound(screen.doc, round.id)?.voters.total === 3, 10_000);

    const db = new pg.Client({ connectionString: setup.deployment.databaseUrl });
    await db.connect();
    const stores = await openPostgresStores(setup.deployment.databaseUrl);
    try {
      await db.query(`
        CREATE FUNCTION refuse_control_append() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'the database refuses this write'; END $$ LANGUAGE plpgsql`);
      await db.query(`CREATE TRIGGER refuse_control_append BEFORE INSERT ON doc_log FOR EACH ROW WHEN (NEW.doc = 'control') EXECUTE FUNCTION refuse_control_append()`);
      const cut = await facilitator('POST', `/rounds/${round.id}/reveal`);
      expect(cut.status).toBeGreaterThanOrEqual(500);
      expect((await stores.ballots.getRound(board.boardId, round.id))?.state).toBe('revealed');
      await db.query('DROP TRIGGER refuse_control_append ON doc_log');

      const retried = await facilitator('POST', `/rounds/${round.id}/reveal`);
      expect(retried.status, JSON.stringify(retried.body)).toBe(200);
      expect((retried.body as Tally).items.find((item) => item.id === round.items[0]!.id)?.total).toBe(6);
      await waitUntil(() => readTally(screen.doc, round.id) !== undefined, 5_000);
      expect(readRound(screen.doc, round.id)?.state).toBe('revealed');
      expect(readTally(screen.doc, round.id)?.voters.total).toBe(3);
      expect(readMeta(screen.doc)?.phase).toBe('results');

      const runoff = await facilitator('POST', '/rounds', { budget: 3, cap: 3, anonymous: false, runoff: { fromRound: round.id, top: 2 } });
      expect(runoff.status, JSON.stringify(runoff.body)).toBe(201);
      expect((runoff.body as RoundState).items.map((item) => item.id).sort()).toEqual(round.items.map((item) => item.id).sort());
    } finally {
      await stores.close();
      await db.end();
    }
  }, 60_000);
});
