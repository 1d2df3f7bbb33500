import type { CreateBoardResponse } from '../shared/api.js';
import { FORUM_LIMITS, type ForumCreated, type ForumView } from '../shared/forum.js';
import type { RegisterView } from '../shared/register.js';
import { api } from '../fixtures/workshopApi.js';
import { startForumboard } from './serverProcess.js';
import { inPool, now, spread } from './stats.js';
import { ms, spreadMs, type Row } from './table.js';

const CACHED_VIEWS = 20;
/** Notes per register item: a register some months into its follow-through, whose logs a forum view need not read. */
const NOTES_PER_ITEM = 6;
const LANGUAGES = ['sv', 'nl', 'en'] as const;

/**
 * One view of a forum of 50 sample workshops (each with a frozen list of five or six priorities and its register,
 * every item with a few notes): the first, which
 * matches every workshop's themes, and the ones after it, which read the workshops again but keep the matching.
 * The figures docs/api.md states as what a forum view costs; printed, never asserted.
 */
export async function runForumView(log: (line: string) => void): Promise<{ rows: Row[] }> {
  const server = await startForumboard({ FORUM_VIEWS_PER_MINUTE: '0' });
  try {
    const boards = await inPool(Array.from({ length: FORUM_LIMITS.maxWorkshops }, (_, i) => LANGUAGES[i % LANGUAGES.length]!), 4, async (language) =>
      (await api<CreateBoardResponse>(server.url, 'POST', '/api/demo-boards', { language })).body,
    );
    await inPool(boards, 4, async (board) => {
      const { register } = (await api<RegisterView>(server.url, 'POST', `/api/boards/${board.boardId}/register`, {}, board.facilitatorToken)).body;
      for (const item of register.items) {
        for (let n = 1; n <= NOTES_PER_ITEM; n++) {
          const body = { note: `Progress note ${n} on ${item.title}`, progress: Math.min(100, n * 15) };
          await api(server.url, 'PATCH', `/api/boards/${board.boardId}/register/items/${item.itemId}`, body, board.facilitatorToken);
        }
      }
    });
    const forum = (await api<ForumCreated>(server.url, 'POST', '/api/forums', { name: 'Bench forum', boardId: boards[0]!.boardId }, boards[0]!.facilitatorToken)).body;
    for (const board of boards.slice(1)) {
      await api(server.url, 'POST', `/api/forums/${forum.forumId}/workshops`, { boardId: board.boardId, boardToken: board.facilitatorToken }, forum.token);
    }
    const timed = async () => {
      const t = now();
      const res = await api<ForumView>(server.url, 'GET', `/api/forums/${forum.forumId}`, undefined, forum.token);
      return { ms: now() - t, bytes: JSON.stringify(res.body).length, workshops: res.body.workshops.length };
    };
    const cold = await timed();
    const cached = [];
    for (let i = 0; i < CACHED_VIEWS; i++) cached.push((await timed()).ms);
    const repeated = spread(cached);
    log(`${cold.workshops} workshops, ${(cold.bytes / 1024).toFixed(1)} kB: first view ${ms(cold.ms)}; ${CACHED_VIEWS} views after it ${spreadMs(repeated)}`);
    const section = `forum of ${cold.workshops} sample workshops`;
    return {
      rows: [
        { section, measure: 'first view (themes matched)', value: ms(cold.ms) },
        { section, measure: `${CACHED_VIEWS} views after it (matching kept), p50/p99/max`, value: spreadMs(repeated) },
      ],
    };
  } finally {
    await server.stop();
  }
}
