import { describe, expect, it } from 'vitest';
import { addCard, readCards, setCardTitle } from '../../shared/boardDoc.js';
import type { PriorityList } from '../../shared/export/index.js';
import { createBoard, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

async function exported(boardId: string, token: string, format: string): Promise<Response> {
  return fetch(`${server.url}/api/boards/${boardId}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
}

async function boardWithCard() {
  const board = await createBoard(server.url, { language: 'en' });
  const writer = server.connect(board.boardId, board.facilitatorToken);
  const watcher = server.connect(board.boardId, board.observerToken);
  await Promise.all([synced(writer), synced(watcher)]);
  const card = addCard(writer.doc, { title: 'Grid capacity', author: 'facilitator' });
  await waitUntil(() => readCards(watcher.doc).length === 1);
  const retitle = async (title: string) => {
    setCardTitle(writer.doc, card, title);
    await waitUntil(() => readCards(watcher.doc)[0].title === title);
  };
  return { board, retitle };
}

describe('exports made once per version of the board', () => {
  it('hands everyone the file made for this version of the board, and a new one once the board changed', async () => {
    const { board, retitle } = await boardWithCard();
    const first = (await (await exported(board.boardId, board.observerToken, 'json')).json()) as PriorityList;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = (await (await exported(board.boardId, board.facilitatorToken, 'json')).json()) as PriorityList;
    // The same file: made at the same moment, not made again.
    expect(again.board.exportedAt).toBe(first.board.exportedAt);
    await retitle('Grid capacity in the north');
    const changed = (await (await exported(board.boardId, board.observerToken, 'json')).json()) as PriorityList;
    expect(changed.board.exportedAt).toBeGreaterThan(first.board.exportedAt!);
    expect(changed.items[0].title).toBe('Grid capacity in the north');
  });

  it('asks someone editing and downloading spreadsheets in a loop to wait, and not the readers of another board', async () => {
    const { board, retitle } = await boardWithCard();
    let made = 0;
    let refused: Response | null = null;
    for (let i = 0; i < 40 && !refused; i++) {
      await retitle(`Grid capacity ${i}`);
      const res = await exported(board.boardId, board.observerToken, 'xlsx');
      if (res.status === 200) made++;
      else refused = res;
    }
    // A spreadsheet costs five of the board's 60 fresh exports in a row (one flows back each second meanwhile).
    expect(made).toBeGreaterThanOrEqual(12);
    expect(made).toBeLessThan(40);
    expect(refused?.status).toBe(429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused!.json()).toMatchObject({ code: 'too-busy' });
    const other = await boardWithCard();
    expect((await exported(other.board.boardId, other.board.observerToken, 'xlsx')).status).toBe(200);
  }, 60_000);
});
