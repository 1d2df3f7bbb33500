import path from 'node:path';
import type { CreateBoardResponse, JoinResponse } from '../shared/api.js';
import { addCard } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import type { RoundState, Tally } from '../shared/voting/index.js';
import { openSqliteStores } from '../server/storage/sqlite/openSqliteStores.js';
import { api, createBoard, join } from '../fixtures/workshopApi.js';
import { startForumboard, type ServerChild } from './serverProcess.js';
import { inPool, now, sleep, spread, type Spread } from './stats.js';
import { ms, spreadMs, type Row } from './table.js';
import { openSyncedYClient } from './yclient.js';

/**
 * 500 participants, joined through the API, each cast a full ballot: first spread over 5 s as people tap
 * "vote" after the facilitator opens the round, then all at once (each replacing their ballot). Afterwards
 * the database must hold exactly one ballot per voter and the revealed tally must equal the sum of what
 * the bench sent.
 */
const VOTERS = 500;
const ITEMS = 6;
const SPREAD_MS = 5000;
const BUDGET = 5;
const TARGET_P99_MS = 50;

type Allocations = Record<string, number>;

type Wave = Spread & { failed: number; lastAnswerMs: number; serverCpuMsPerBallot: number };

export interface VoteFigures {
  voters: number;
  joinMs: number;
  spread: Wave;
  burst: Wave;
  stored: number;
  tallyExact: boolean;
  tallyDifferences: string[];
}

/** Each voter gives the full budget: 3 dots to one item and 2 to the next, varied by voter and wave. */
function ballotFor(items: string[], voter: number, wave: number): Allocations {
  const first = (voter + wave) % items.length;
  return { [items[first]]: 3, [items[(first + 1 + (voter % 3)) % items.length]]: BUDGET - 3 };
}

async function castAll(server: ServerChild, board: CreateBoardResponse, roundId: string, voters: JoinResponse[], ballots: Allocations[], startAt: (i: number) => number) {
  const cpuBefore = (await server.usage(false)).cpu;
  const started = now();
  const times: number[] = [];
  let failed = 0;
  await Promise.all(
    voters.map(async (voter, i) => {
      await sleep(startAt(i));
      const t = now();
      const res = await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${roundId}/ballot`, { allocations: ballots[i] }, voter.token);
      times.push(now() - t);
      if (res.status !== 200) failed++;
    }),
  );
  const lastAnswerMs = now() - started;
  const cpu = (await server.usage(false)).cpu;
  const serverCpuMsPerBallot = (cpu.user + cpu.system - cpuBefore.user - cpuBefore.system) / 1000 / voters.length;
  return { ...spread(times), failed, lastAnswerMs, serverCpuMsPerBallot };
}

function expectedTally(ballots: Allocations[], groups: string[]): { totals: Map<string, number>; byGroup: Map<string, number> } {
  const totals = new Map<string, number>();
  const byGroup = new Map<string, number>();
  ballots.forEach((ballot, voter) => {
    for (const [item, dots] of Object.entries(ballot)) {
      totals.set(item, (totals.get(item) ?? 0) + dots);
      const key = `${item}/${groups[voter]}`;
      byGroup.set(key, (byGroup.get(key) ?? 0) + dots);
    }
  });
  return { totals, byGroup };
}

export async function runVoteStorm(log: (line: string) => void): Promise<{ rows: Row[]; figures: VoteFigures }> {
  const server = await startForumboard();
  try {
    const board = await createBoard(server.url, { title: 'Vote storm', language: 'en' });
    const facilitator = await openSyncedYClient(server.wsUrl, board.boardId, board.facilitatorToken);
    for (let i = 0; i < ITEMS; i++) addCard(facilitator.doc, { title: `Challenge ${i + 1}`, author: FACILITATOR_ID });
    await server.waitForMetric('forumboard_updates_applied_total', (v) => v >= ITEMS);
    facilitator.close();

    const joinStarted = now();
    const groups = Array.from({ length: VOTERS }, (_, i) => board.groups[i % board.groups.length]);
    const voters = await inPool(groups, 20, (group, i) => join(server.url, board, `Participant ${i + 1}`, group.name, `Organisation ${i % 37}`));
    const joinMs = now() - joinStarted;
    log(`${VOTERS} participants joined in ${joinMs.toFixed(0)} ms`);

    const opened = await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: BUDGET, cap: 3 }, board.facilitatorToken);
    if (opened.status !== 201) throw new Error(`open round: ${opened.status} ${JSON.stringify(opened.body)}`);
    const round = opened.body;
    const items = round.items.map((item) => item.id);

    const firstWave = voters.map((_, i) => ballotFor(items, i, 0));
    const spreadWave = await castAll(server, board, round.id, voters, firstWave, () => Math.random() * SPREAD_MS);
    log(`spread over ${SPREAD_MS / 1000} s: ${spreadMs(spreadWave)}, ${spreadWave.failed} failed, server CPU ${spreadWave.serverCpuMsPerBallot.toFixed(2)} ms per ballot`);
    const secondWave = voters.map((_, i) => ballotFor(items, i, 1));
    const burstWave = await castAll(server, board, round.id, voters, secondWave, () => 0);
    log(`all at once: ${spreadMs(burstWave)}, last answer after ${burstWave.lastAnswerMs.toFixed(0)} ms, ${burstWave.failed} failed, server CPU ${burstWave.serverCpuMsPerBallot.toFixed(2)} ms per ballot`);

    const stores = openSqliteStores(path.join(server.dataDir, 'forumboard.db'));
    const stored = (await stores.ballots.listBallots(round.id)).length;
    await stores.close();

    const revealed = await api<Tally>(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round.id}/reveal`, undefined, board.facilitatorToken);
    if (revealed.status !== 200) throw new Error(`reveal: ${revealed.status} ${JSON.stringify(revealed.body)}`);
    const expected = expectedTally(secondWave, groups.map((g) => g.id));
    const differences: string[] = [];
    if (revealed.body.voters.total !== VOTERS) differences.push(`voters ${revealed.body.voters.total} ≠ ${VOTERS}`);
    for (const item of revealed.body.items) {
      const total = expected.totals.get(item.id) ?? 0;
      if (item.total !== total) differences.push(`${item.title}: ${item.total} ≠ ${total}`);
      for (const [group, dots] of Object.entries(item.byGroup)) {
        const want = expected.byGroup.get(`${item.id}/${group}`) ?? 0;
        if (dots !== want) differences.push(`${item.title}/${group}: ${dots} ≠ ${want}`);
      }
    }
    const figures: VoteFigures = { voters: VOTERS, joinMs, spread: spreadWave, burst: burstWave, stored, tallyExact: differences.length === 0, tallyDifferences: differences };
    const lost = VOTERS - stored + spreadWave.failed + burstWave.failed;
    const rows: Row[] = [
      {
        section: `vote storm ×${VOTERS}`,
        measure: `ballot round trip, spread over ${SPREAD_MS / 1000} s, p50/p99/max`,
        value: spreadMs(spreadWave),
        target: `p99 < ${TARGET_P99_MS} ms`,
        met: spreadWave.p99 < TARGET_P99_MS,
      },
      {
        section: `vote storm ×${VOTERS}`,
        measure: 'ballot round trip, all at once, p50/p99/max',
        value: `${spreadMs(burstWave)} (all answered in ${burstWave.lastAnswerMs.toFixed(0)} ms)`,
      },
      {
        section: `vote storm ×${VOTERS}`,
        measure: 'ballots stored / refused requests / tally exact',
        value: `${stored} / ${spreadWave.failed + burstWave.failed} / ${differences.length === 0 ? 'exact' : differences.slice(0, 3).join('; ')}`,
        target: '0 lost, tally exact',
        met: lost === 0 && differences.length === 0,
      },
      {
        section: `vote storm ×${VOTERS}`,
        measure: 'server CPU per ballot: first ballots (publish voter count) / replacements',
        value: `${ms(spreadWave.serverCpuMsPerBallot)} / ${ms(burstWave.serverCpuMsPerBallot)}`,
      },
      { section: `vote storm ×${VOTERS}`, measure: `${VOTERS} joins through the API (20 at a time)`, value: `${(joinMs / 1000).toFixed(2)} s` },
    ];
    return { rows, figures };
  } finally {
    await server.stop();
  }
}
