import { describe, expect, it } from 'vitest';
import { addCard } from '../../shared/boardDoc.js';
import type { CreateBoardResponse } from '../../shared/api.js';
import { readMeta, readProgressCheck, readRound } from '../../shared/controlDoc.js';
import type { NewRegisterLink, RegisterView } from '../../shared/register.js';
import type { RoundState } from '../../shared/voting/index.js';
import { openPostgresStores } from '../../server/storage/postgres/openPostgresStores.js';
import { useDeployment } from './instances.js';
import { api, createBoard, join, sleep, synced, waitUntil } from './support.js';

/**
 * Two instances, each its own process, on one PostgreSQL database and one Redis: what every instance shows is
 * what is stored, whichever instance each command went through, also when two commands arrive at once.
 */
describe('two instances show what is stored', () => {
  const setup = useDeployment(2);
  const { open } = setup;

  it('shows the turnout stored after two first ballots cast at the same moment through each instance, every time', async () => {
    const { instances, databaseUrl } = setup.deployment;
    const [a, b] = instances;
    const stores = await openPostgresStores(databaseUrl);
    try {
      for (let run = 0; run < 12; run++) {
        const board = await createBoard(a.url, { language: 'en' });
        const voters = [await join(a.url, board, 'Ada', 'company'), await join(b.url, board, 'Bo', 'company')];
        const facilitator = open(a, board.boardId, board.facilitatorToken);
        await synced(facilitator);
        addCard(facilitator.doc, { title: 'Skills shortage', author: 'facilitator' });
        const opened = await api<RoundState>(a.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 3, cap: 3, anonymous: false }, board.facilitatorToken);
        expect(opened.status).toBe(201);
        const round = opened.body;
        const watchers = instances.map((instance) => open(instance, `${board.boardId}/control`, board.observerToken));
        await waitUntil(() => watchers.every((w) => readRound(w.doc, round.id)?.state === 'open'), 10_000);

        const cast = await Promise.all(
          voters.map((voter, i) =>
            api(instances[i].url, 'PUT', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { allocations: { [round.items[0]!.id]: 1 } }, voter.token),
          ),
        );
        expect(cast.map((c) => c.status)).toEqual([200, 200]);
        const stored = Object.values(await stores.ballots.countVoters(round.id)).reduce((sum, n) => sum + n, 0);
        expect(stored).toBe(2);
        await waitUntil(() => watchers.every((w) => readRound(w.doc, round.id)?.voters.total === stored), 5_000).catch(() => undefined);
        // And it stays so: no later write of an older count replaces it.
        await sleep(200);
        expect(watchers.map((w) => readRound(w.doc, round.id)?.voters.total), `run ${run}`).toEqual([stored, stored]);
        watchers.concat(facilitator).forEach((client) => client.destroy());
      }
    } finally {
      await stores.close();
    }
  }, 120_000);

  it('keeps every one of four settings changed at the same moment, two through each instance, every time', async () => {
    const { instances } = setup.deployment;
    const [a] = instances;
    for (let run = 0; run < 8; run++) {
      const board = await createBoard(a.url, { language: 'en' });
      const watchers = instances.map((instance) => open(instance, `${board.boardId}/control`, board.observerToken));
      await waitUntil(() => watchers.every((w) => readMeta(w.doc) !== undefined), 10_000);
      // Each off by default: a change that is lost shows.
      const keys = ['silentCollect', 'participantsExport', 'collectReopened', 'anonymousCards'] as const;
      const changed = await Promise.all(
        keys.map((key, i) => api(instances[i % 2].url, 'POST', `/api/boards/${board.boardId}/settings`, { [key]: true }, board.facilitatorToken)),
      );
      expect(changed.map((c) => c.status)).toEqual([200, 200, 200, 200]);
      const all = (settings: Record<string, boolean> | undefined) => keys.every((key) => settings?.[key] === true);
      await waitUntil(() => watchers.every((w) => all(readMeta(w.doc)?.settings as unknown as Record<string, boolean>)), 5_000).catch(() => undefined);
      for (const w of watchers) expect(readMeta(w.doc)?.settings, `run ${run}`).toMatchObject(Object.fromEntries(keys.map((key) => [key, true])));
      watchers.forEach((client) => client.destroy());
    }
  }, 120_000);

  it("shows an owner's update of a register, and its workshop's rename and deletion, made through one instance, on a follow-up's screens connected to the other", async () => {
    const [a, b] = setup.deployment.instances;
    const source = (await api<CreateBoardResponse>(a.url, 'POST', '/api/demo-boards', { language: 'en' })).body;
    const item = (await api<RegisterView>(a.url, 'POST', `/api/boards/${source.boardId}/register`, {}, source.facilitatorToken)).body.register.items[0]!;
    const followUp = (await api<CreateBoardResponse>(b.url, 'POST', '/api/boards', { title: 'Review', followUp: { boardId: source.boardId, facilitatorToken: source.facilitatorToken } })).body;
    const screen = open(b, `${followUp.boardId}/control`, followUp.observerToken);
    await synced(screen);
    await waitUntil(() => readProgressCheck(screen.doc)?.items[0]?.status === 'not-started');

    const owner = (await api<NewRegisterLink>(a.url, 'POST', `/api/boards/${source.boardId}/register/links`, { kind: 'owner', owner: item.owner }, source.facilitatorToken)).body;
    const updated = await api(a.url, 'PATCH', `/api/boards/${source.boardId}/register/items/${item.itemId}`, { status: 'under-way', progress: 45, note: 'Halfway' }, owner.token);
    expect(updated.status).toBe(200);
    await waitUntil(() => readProgressCheck(screen.doc)?.items[0]?.progress === 45);
    expect(readProgressCheck(screen.doc)!.items[0]).toMatchObject({ status: 'under-way', lastUpdate: { by: item.owner, note: 'Halfway' } });

    // The source renamed and then deleted through the first instance: the screen on the other shows each at once.
    expect((await api(a.url, 'PATCH', `/api/boards/${source.boardId}`, { title: 'Port skills' }, source.facilitatorToken)).status).toBe(200);
    await waitUntil(() => readProgressCheck(screen.doc)?.sourceTitle === 'Port skills', 5_000);
    expect((await api(a.url, 'DELETE', `/api/boards/${source.boardId}`, { confirmTitle: 'Port skills' }, source.facilitatorToken)).status).toBe(200);
    await waitUntil(() => readProgressCheck(screen.doc)?.sourceDeleted === true, 5_000);
  }, 60_000);
});
