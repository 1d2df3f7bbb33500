import * as Y from 'yjs';
import { addCard, cardBody, readCards, setCardTitle } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import samples from '../server/demo/workshops.json' with { type: 'json' };
import { DEFAULT_TUNING, suggest, type SuggestInput, type Tuning } from '../server/suggestions/suggest.js';
import { api, createBoard } from '../fixtures/workshopApi.js';
import { startForumboard } from './serverProcess.js';
import { now, sleep, spread } from './stats.js';
import { scoreWorkshop, testWorkshops, type ThemedWorkshop } from '../fixtures/suggestionScores.js';
import { ms, type Row } from './table.js';
import { openSyncedYClient } from './yclient.js';

/**
 * `npm run bench -- suggestions`: how close the clustering help comes to the themes people chose, and how long
 * it takes. Quality is scored on the sample workshops (the method was tuned on them) and on the test workshops
 * in fixtures/suggestions (some looked at while tuning, the rest held out), beside two baselines; then what each
 * part of the method adds; then the server's time for 300 and 2,000 cards, in process and through the endpoint
 * of a real server.
 */
const sample = (samples.workshops as unknown as ThemedWorkshop[]).map((w) => ({ name: `${w.language} sample`, workshop: w }));
const fixtures = testWorkshops();
/** Tuned on; looked at while tuning; never looked at before their scores were taken. */
const SETS = [
  { set: 'tuned on', list: sample },
  { set: 'seen while tuning', list: fixtures.filter(({ workshop }) => workshop.seenWhileTuning) },
  { set: 'held out', list: fixtures.filter(({ workshop }) => !workshop.seenWhileTuning) },
] as const;

/** Parts switched off one at a time, to measure what each adds (docs/suggestions.md). */
const ABLATIONS: Array<{ name: string; tuning: Tuning }> = [
  { name: 'stems with TF-IDF only', tuning: { ...DEFAULT_TUNING, curatedConcepts: false, weights: { ...DEFAULT_TUNING.weights, grams: 0, concepts: 0, broader: 0 } } },
  { name: '+ character n-grams', tuning: { ...DEFAULT_TUNING, curatedConcepts: false, weights: { ...DEFAULT_TUNING.weights, concepts: 0, broader: 0 } } },
  { name: '+ concept list (no broader)', tuning: { ...DEFAULT_TUNING, weights: { ...DEFAULT_TUNING.weights, broader: 0 } } },
  { name: '+ broader concepts', tuning: { ...DEFAULT_TUNING, weights: { ...DEFAULT_TUNING.weights, subject: 1 } } },
  { name: '+ subject damping (full method)', tuning: DEFAULT_TUNING },
];

const f2 = (x: number) => x.toFixed(2);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A board of `count` cards in three languages, from the sample and test workshops' cards, each with another card's text as its body. */
function syntheticBoard(count: number): SuggestInput {
  const pool = [...sample, ...fixtures].flatMap(({ workshop }) => workshop.cards.map((c) => ({ ...c, language: workshop.language })));
  const cards = Array.from({ length: count }, (_, i) => {
    const card = pool[i % pool.length];
    const other = pool[(i * 7 + 3) % pool.length];
    return { id: `c${String(i).padStart(4, '0')}`, title: card.title, body: `${other.title} (${Math.floor(i / pool.length) + 1})`, themeId: null };
  });
  return { language: 'en', cards, themes: [] };
}

export async function runSuggestions(log: (line: string) => void): Promise<{ rows: Row[] } & Record<string, unknown>> {
  const rows: Row[] = [];
  const quality: Record<string, unknown> = {};
  for (const { set, list } of SETS) {
    const aris: number[] = [];
    for (const { name, workshop } of list) {
      const { method, alone, words } = scoreWorkshop(workshop);
      aris.push(method.ari);
      quality[name] = { set, cards: workshop.cards.length, themes: workshop.themes.length, method, alone, words };
      log(`${name} (${set}, ${workshop.cards.length} cards): ARI ${f2(method.ari)}, F1 ${f2(method.f1)}, ${method.leftOut} left out, ${method.groups} groups | alone ARI ${f2(alone.ari)} F1 ${f2(alone.f1)} | shared words ARI ${f2(words.ari)} F1 ${f2(words.f1)}`);
      const judged = set !== 'tuned on';
      rows.push({ section: 'suggestions', measure: `ARI / F1, ${name} (${set})`, value: `${f2(method.ari)} / ${f2(method.f1)}`, baseline: `words ${f2(words.ari)} / ${f2(words.f1)}`, target: judged ? 'ARI ≥ 0.3' : undefined, met: judged ? method.ari >= 0.3 : undefined });
    }
    rows.push({ section: 'suggestions', measure: `mean ARI, ${set}`, value: f2(mean(aris)), baseline: 'alone 0.00' });
  }
  for (const { name, tuning } of ABLATIONS) {
    const means = SETS.map(({ list }) => mean(list.map(({ workshop }) => scoreWorkshop(workshop, tuning).method.ari)));
    quality[`ablation: ${name}`] = Object.fromEntries(SETS.map(({ set }, i) => [set, means[i]]));
    log(`${name}: mean ARI ${SETS.map(({ set }, i) => `${f2(means[i])} ${set}`).join(', ')}`);
    rows.push({ section: 'suggestions', measure: `mean ARI, ${name}`, value: means.map(f2).join(' / '), baseline: 'tuned / seen / held out' });
  }

  // The engine is timed first, in this process: a long synchronous run between two requests would let the
  // server close the kept-alive connection under the next one.
  const sizes = [
    { count: 300, limit: 200 },
    { count: 2000, limit: 2000 },
  ];
  const engine = sizes.map(({ count }) => {
    const input = syntheticBoard(count);
    suggest(input);
    const cpu: number[] = [];
    const wall = spread(Array.from({ length: 5 }, () => {
      const t = now();
      const c = process.cpuUsage();
      suggest(input);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      return now() - t;
    }));
    return { input, wall, cpu: spread(cpu), groups: suggest(input).themes.length };
  });
  const speed: Record<string, unknown> = {};
  const server = await startForumboard();
  try {
    for (const [i, { count, limit }] of sizes.entries()) {
      const { input, wall, cpu, groups } = engine[i];
      const board = await createBoard(server.url, { title: `Suggestions bench ${count}`, language: 'en' });
      const client = await openSyncedYClient(server.wsUrl, board.boardId, board.facilitatorToken);
      const applied = await server.metric('forumboard_updates_applied_total');
      for (const [n, card] of input.cards.entries()) {
        // Written in batches with a pause between: a long synchronous run would let the server close the
        // kept-alive HTTP connection under the next request (and nobody types 2,000 cards at once).
        if (n % 100 === 0) await sleep(20);
        client.doc.transact(() => {
          const id = addCard(client.doc, { title: card.title, author: FACILITATOR_ID });
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(card.body)]);
          cardBody(client.doc, id)?.insert(0, [paragraph]);
        });
      }
      await server.waitForMetric('forumboard_updates_applied_total', (v) => v >= applied + count, 120_000);
      const route = `/api/boards/${board.boardId}/suggestions`;
      const ask = async () => {
        const res = await api<{ themes: unknown[] }>(server.url, 'GET', route, undefined, board.facilitatorToken);
        if (res.status !== 200) throw new Error(`suggestions answered ${res.status}`);
      };
      await ask();
      // Each timed request follows a change to one card, as when someone edits between two suggestions: the
      // server keeps its last answer for an unchanged board, and that one is timed apart.
      const firstCard = readCards(client.doc)[0]!;
      const wallTimes: number[] = [];
      const cpuTimes: number[] = [];
      for (let k = 1; k <= 5; k++) {
        const before = await server.metric('forumboard_updates_applied_total');
        setCardTitle(client.doc, firstCard.id, `${firstCard.title} (${k})`);
        await server.waitForMetric('forumboard_updates_applied_total', (v) => v > before);
        // The server's own CPU time per request: what the machine's other load does not inflate.
        const cpuBefore = (await server.usage(false)).cpu;
        const t = now();
        await ask();
        wallTimes.push(now() - t);
        const cpuAfter = (await server.usage(false)).cpu;
        cpuTimes.push((cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system) / 1000);
      }
      const t = now();
      await ask();
      const kept = now() - t;
      client.close();
      const request = spread(wallTimes);
      const serverCpu = spread(cpuTimes);
      speed[count] = { engineWallMs: wall, engineCpuMs: cpu, requestMs: request, serverCpuMs: serverCpu, keptAnswerMs: kept, groups };
      log(`${count} cards: engine ${ms(wall.p50)} wall, ${ms(cpu.p50)} CPU; request ${ms(request.p50)} wall (max ${ms(request.max)}), ${ms(serverCpu.p50)} server CPU (max ${ms(serverCpu.max)}); unchanged board ${ms(kept)}; ${groups} groups`);
      rows.push({ section: 'suggestions', measure: `server time, ${count} cards (server CPU / request wall)`, value: `${ms(serverCpu.p50)} / ${ms(request.p50)}`, target: `< ${limit} ms`, met: serverCpu.p50 < limit });
    }
  } finally {
    await server.stop();
  }
  return { rows, quality, speed };
}

