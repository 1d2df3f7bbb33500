import { describe, expect, it } from 'vitest';
import type { AgreementDraftBody, CreateBoardResponse } from '../../shared/api.js';
import { readAgreementDraft, readAgreementStanding } from '../../shared/controlDoc.js';
import { api, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

describe('whether the agreed list everyone sees is the frozen version', () => {
  it('says the draft changed since the last freeze after any edit of what a version fixes, and frozen after an edit back or the next freeze', async () => {
    // A sample workshop froze version 1 and then filled in a next step left open: its draft is no longer version 1.
    const board = (await api<CreateBoardResponse>(server.url, 'POST', '/api/demo-boards', { language: 'en' })).body;
    const observer = server.connect(`${board.boardId}/control`, board.observerToken);
    await synced(observer);
    const standing = () => readAgreementStanding(observer.doc);
    await waitUntil(() => readAgreementDraft(observer.doc) !== undefined && standing().state !== 'not-frozen');
    expect(standing()).toMatchObject({ state: 'changed', version: 1 });
    const freeze = async () => {
      const frozenNow = await api<{ version: number; frozenAt: number }>(server.url, 'POST', `/api/boards/${board.boardId}/agreement/freeze`, undefined, board.facilitatorToken);
      expect(frozenNow.status).toBe(201);
      return frozenNow.body;
    };
    const second = await freeze();
    await waitUntil(() => standing().state === 'frozen', 3_000);
    expect(standing()).toEqual({ state: 'frozen', version: 2, frozenAt: second.frozenAt });
    const frozen = readAgreementDraft(observer.doc)!;

    const save = async (draft: AgreementDraftBody) =>
      expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/agreement`, draft, board.facilitatorToken)).status).toBe(200);
    const [first, next, ...rest] = frozen.items;
    const variants: Array<[string, AgreementDraftBody]> = [
      ['an owner', { ...frozen, items: [{ ...first!, owner: 'Someone else' }, next!, ...rest] }],
      ['a title', { ...frozen, items: [{ ...first!, title: `${first!.title}, first of all` }, next!, ...rest] }],
      ['a next step', { ...frozen, items: [{ ...first!, nextStep: 'Later' }, next!, ...rest] }],
      ['the order', { ...frozen, items: [next!, first!, ...rest] }],
      ['a drop', { ...frozen, items: [first!, { ...next!, dropped: { reason: 'Covered elsewhere' } }, ...rest] }],
    ];
    for (const [what, draft] of variants) {
      await save(draft);
      await waitUntil(() => standing().state === 'changed', 3_000).catch(() => undefined);
      expect(standing(), what).toMatchObject({ state: 'changed', version: 2 });
      // Put back as frozen, the draft is version 2 again.
      await save(frozen);
      await waitUntil(() => standing().state === 'frozen', 3_000);
    }

    await save(variants[0]![1]);
    await waitUntil(() => standing().state === 'changed', 3_000);
    const third = await freeze();
    await waitUntil(() => standing().state === 'frozen', 3_000);
    expect(standing()).toEqual({ state: 'frozen', version: 3, frozenAt: third.frozenAt });
  });
});
