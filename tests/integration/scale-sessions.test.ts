import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/api.js';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { useDeployment, type Instance } from './instances.js';
import { api, createBoard, join, synced, waitUntil, type TestClient } from './support.js';

/**
 * Ending sessions reaches every instance: a participant removed, or a board deleted, through one instance's REST
 * API is cut off on the other instance too, with the close code the command sends; through Redis when it is up,
 * and by the other instance re-checking its sessions' tokens when it is not.
 */
describe('ending sessions across instances', () => {
  const setup = useDeployment(2);
  const { open } = setup;
  let a: Instance;
  let b: Instance;
  beforeAll(() => {
    [a, b] = setup.deployment.instances;
  });
  const titles = (client: TestClient) => [...cardsOf(client.doc).values()].map((card) => card.get('title'));

  async function collectingBoard(): Promise<CreateBoardResponse> {
    const board = await createBoard(a.url, { language: 'en' });
    expect((await api(a.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken)).status).toBe(200);
    return board;
  }

  /**
   * The participant on B is removed through A: B closes them with 4411, and what they write afterwards reaches
   * nobody, while a facilitator's card written after it does.
   */
  async function removedOnTheOtherInstance(): Promise<void> {
    const board = await collectingBoard();
    const anna = await join(a.url, board, 'Anna', 'company');
    const annaOnB = open(b, board.boardId, anna.token);
    const facilitatorOnB = open(b, board.boardId, board.facilitatorToken);
    const watcherOnA = open(a, board.boardId, board.observerToken);
    await Promise.all([synced(annaOnB), synced(facilitatorOnB), synced(watcherOnA)]);

    const removed = await api(a.url, 'DELETE', `/api/boards/${board.boardId}/participants/${anna.participantId}`, { cards: 'keep' }, board.facilitatorToken);
    expect(removed.status).toBe(200);
    await waitUntil(() => annaOnB.closes.length > 0, 10_000);
    expect(annaOnB.closes[0]).toEqual({ code: 4411, reason: 'you were removed from this workshop' });

    addCard(annaOnB.doc, { title: 'Written after removal', author: anna.participantId });
    addCard(facilitatorOnB.doc, { title: 'Facilitator after removal', author: 'facilitator' });
    await waitUntil(() => titles(watcherOnA).includes('Facilitator after removal') && titles(facilitatorOnB).includes('Facilitator after removal'), 10_000);
    expect(titles(watcherOnA)).not.toContain('Written after removal');
    expect(titles(facilitatorOnB)).not.toContain('Written after removal');
    // Her token is refused on either instance.
    for (const instance of [a, b]) expect((await api(instance.url, 'GET', `/api/boards/${board.boardId}`, undefined, anna.token)).status).toBe(401);
  }

  it('a participant connected to instance B and removed through instance A is closed with 4411, and their next write reaches nobody', async () => {
    await removedOnTheOtherInstance();
  });

  /** A link minted and revoked through A: its connection on B is closed with 4412, another link's is kept. */
  async function revokedOnTheOtherInstance(): Promise<void> {
    const board = await collectingBoard();
    const minted = await api<{ id: string; token: string }>(a.url, 'POST', `/api/boards/${board.boardId}/observer-links`, {}, board.facilitatorToken);
    expect(minted.status).toBe(201);
    const revokedOnB = open(b, board.boardId, minted.body.token);
    const keptOnB = open(b, board.boardId, board.observerToken);
    await Promise.all([synced(revokedOnB), synced(keptOnB)]);

    expect((await api(a.url, 'DELETE', `/api/boards/${board.boardId}/links/${minted.body.id}`, undefined, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => revokedOnB.closes.length > 0, 10_000);
    expect(revokedOnB.closes[0]).toEqual({ code: 4412, reason: 'this link was revoked' });
    expect(keptOnB.closes).toEqual([]);
  }

  it('a link revoked through instance A closes its connection on instance B with 4412; another link on B keeps working', async () => {
    await revokedOnTheOtherInstance();
  });

  /** A participant's details corrected through A: their session on B is closed so it reconnects with them. */
  async function correctedOnTheOtherInstance(): Promise<void> {
    const board = await collectingBoard();
    const anna = await join(a.url, board, 'Anna', 'company');
    const annaOnB = open(b, board.boardId, anna.token);
    const keptOnB = open(b, board.boardId, board.observerToken);
    await Promise.all([synced(annaOnB), synced(keptOnB)]);
    const corrected = await api(a.url, 'PATCH', `/api/boards/${board.boardId}/participants/${anna.participantId}`, { name: 'Anna Berg' }, board.facilitatorToken);
    expect(corrected.status).toBe(200);
    await waitUntil(() => annaOnB.closes.length > 0, 10_000);
    expect(annaOnB.closes[0]).toEqual({ code: 4000, reason: 'your details changed' });
    expect(keptOnB.closes).toEqual([]);
  }

  it('a participant whose details are corrected through instance A is reconnected on instance B (4000)', async () => {
    await correctedOnTheOtherInstance();
  });

  /** A board with a card written on B, deleted through A: its facilitator on B is closed with 4410. */
  async function deletedOnTheOtherInstance(): Promise<CreateBoardResponse> {
    const board = await collectingBoard();
    const facilitatorOnB = open(b, board.boardId, board.facilitatorToken);
    await synced(facilitatorOnB);
    addCard(facilitatorOnB.doc, { title: 'Unsaved in a snapshot yet', author: 'facilitator' });
    const watcherOnA = open(a, board.boardId, board.observerToken);
    await waitUntil(() => titles(watcherOnA).includes('Unsaved in a snapshot yet'), 10_000);
    watcherOnA.destroy();

    const deleted = await api(a.url, 'DELETE', `/api/boards/${board.boardId}`, { confirmTitle: 'Industriforum – uppstart' }, board.facilitatorToken);
    expect(deleted.status).toBe(200);
    await waitUntil(() => facilitatorOnB.closes.length > 0, 10_000);
    expect(facilitatorOnB.closes[0]).toEqual({ code: 4410, reason: 'this workshop was deleted' });
    facilitatorOnB.destroy();
    return board;
  }

  it('a board deleted through instance A closes the facilitator on instance B with 4410, and B writes nothing of it back', async () => {
    const board = await deletedOnTheOtherInstance();

    // B's room is gone without a last snapshot: no row of the board is left in the database.
    await waitUntil(async () => /^forumboard_rooms_loaded 0$/m.test((await api<string>(b.url, 'GET', '/metrics')).body), 10_000);
    const db = new pg.Client({ connectionString: setup.deployment.databaseUrl });
    await db.connect();
    try {
      for (const table of ['boards', 'tokens', 'doc_heads', 'doc_log', 'doc_snapshots']) {
        const column = table === 'boards' ? 'id' : 'board_id';
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [board.boardId]);
        expect({ table, rows: rows[0].n }).toEqual({ table, rows: 0 });
      }
    } finally {
      await db.end();
    }
  });

  it('with Redis down, instance B still ends the sessions a removal, a revocation, a correction and a deletion through instance A end, by re-checking tokens', async () => {
    await setup.deployment.redis.stop();
    await waitUntil(async () => (await api<{ status?: string }>(b.url, 'GET', '/healthz')).body.status === 'degraded', 10_000);
    await removedOnTheOtherInstance();
    await revokedOnTheOtherInstance();
    await correctedOnTheOtherInstance();
    await deletedOnTheOtherInstance();
    // Four scenarios, each waiting for a re-check every two seconds and for updates read from the log.
  }, 90_000);
});
