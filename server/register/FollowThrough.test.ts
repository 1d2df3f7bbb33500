import { describe, expect, it } from 'vitest';
import { buildPriorityList } from '../../shared/export/index.js';
import { DEFAULT_SETTINGS } from '../../shared/phases.js';
import { REGISTER_LIMITS } from '../../shared/register.js';
import { openSqliteStores } from '../storage/sqlite/openSqliteStores.js';
import { Signoffs } from '../agreement/Signoffs.js';
import { FollowThrough } from './FollowThrough.js';

describe('the follow-through register', () => {
  it('takes no update past its cap, and stores nothing of the one refused', async () => {
    const stores = openSqliteStores(':memory:');
    const boardId = 'b1';
    // The cap is the register's, whichever items the updates went to: spread over many, each write stays small.
    const themes = Array.from({ length: 100 }, (_, i) => `t${i}`);
    await stores.identity.createBoard({ id: boardId, title: 'Forum', createdAt: 1 }, [], () => 'ABCDEF', {
      title: 'Forum', question: '', language: 'en', groups: [], phase: 'agree', settings: DEFAULT_SETTINGS, timer: { status: 'idle' },
      createdAt: 1, closedAt: null, presentation: null, concepts: [], agreementDraft: null,
    });
    await stores.agreements.freeze(boardId, 2, (version) =>
      buildPriorityList({
        board: { title: 'Forum', question: '', language: 'en', groups: [] },
        cards: [], clusters: themes.map((id) => ({ id, title: id })), participants: [], rounds: [], tallies: {},
        agreement: { version, frozenAt: 2, roundId: 'r1', items: themes.map((itemId) => ({ itemId, title: itemId, owner: 'Port', nextStep: '' })) },
      }),
    );
    const nothingToDraw = { show: async () => undefined, showFollowUps: async () => undefined };
    const followThrough = new FollowThrough(stores.register, stores.agreements, stores.facts, stores.identity, new Signoffs(stores.agreements, stores.identity, stores.facts, nothingToDraw), stores.forums, nothingToDraw);
    const facilitator = { boardId, reader: { kind: 'facilitator' as const } };
    await followThrough.start(facilitator);
    for (let n = 1; n <= REGISTER_LIMITS.maxUpdates; n++) await followThrough.update(facilitator, themes[n % themes.length]!, { note: `update ${n}` });

    const before = await stores.register.read(boardId);
    await expect(followThrough.update(facilitator, 't1', { status: 'done', note: '' })).rejects.toMatchObject({ kind: 'conflict', code: 'register-full' });
    expect(await stores.register.read(boardId)).toEqual(before);
    expect(before!.items.flatMap((item) => item.log)).toHaveLength(REGISTER_LIMITS.maxUpdates);
    await stores.close();
  });
});
