import { addCard, addCluster, cardsOf, moveCard } from '../shared/boardDoc.js';
import { api, createBoard, join } from '../fixtures/workshopApi.js';
import { startForumboard } from './serverProcess.js';
import { now, sleep, spread, type Spread } from './stats.js';
import { spreadMs, type Row } from './table.js';
import { openSyncedYClient, type YClient } from './yclient.js';

/**
 * What one person sees of another's change, two people on loopback: a participant adds a card and the
 * other has it; a participant moves a card into a theme and the other sees it there. Each edit waits for
 * the previous one to arrive, so the figures are round trips, not throughput.
 */
const EDITS = 200;

export async function runRoundTrip(log: (line: string) => void): Promise<{ rows: Row[]; addCard: Spread; moveCard: Spread }> {
  const server = await startForumboard();
  try {
    const board = await createBoard(server.url, { title: 'Regional Skills & Energy Forum', language: 'en' });
    const [writer, reader] = await Promise.all([join(server.url, board, 'Ruud Jansen', 'Company'), join(server.url, board, 'Leila Haddad', 'Trade union')]);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const a = await openSyncedYClient(server.wsUrl, board.boardId, writer.token);
    const b = await openSyncedYClient(server.wsUrl, board.boardId, reader.token);
    try {
      const adds = await timeEdits(b, (i) => addCard(a.doc, { title: `Skills gap in offshore wind maintenance ${i}`, author: writer.participantId }), (id) => cardsOf(b.doc).has(id));
      log(`add card: ${spreadMs(adds)}`);
      await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
      const themes = [addCluster(a.doc, { title: 'Skills' }), addCluster(a.doc, { title: 'Energy' })];
      const cardId = Array.from(cardsOf(a.doc).keys())[0];
      await sleep(200);
      const moves = await timeEdits(
        b,
        (i) => (moveCard(a.doc, cardId, themes[i % 2]), cardId),
        (_id, i) => cardsOf(b.doc).get(cardId)?.get('cluster') === themes[i % 2],
      );
      log(`move card: ${spreadMs(moves)}`);
      return {
        addCard: adds,
        moveCard: moves,
        rows: [
          { section: 'round trip', measure: "card added by one participant, on the other's board: p50 / p99 / max", value: spreadMs(adds) },
          { section: 'round trip', measure: "card moved into a theme, seen by the other: p50 / p99 / max", value: spreadMs(moves) },
        ],
      };
    } finally {
      a.close();
      b.close();
    }
  } finally {
    await server.stop();
  }
}

/** Makes EDITS edits one after another, each timed until `arrived` holds on the reader's document. */
async function timeEdits(reader: YClient, edit: (i: number) => string, arrived: (id: string, i: number) => boolean): Promise<Spread> {
  const samples: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const started = now();
    const id = edit(i);
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!arrived(id, i)) return;
        reader.doc.off('update', check);
        resolve();
      };
      reader.doc.on('update', check);
      check();
    });
    samples.push(now() - started);
  }
  return spread(samples);
}
