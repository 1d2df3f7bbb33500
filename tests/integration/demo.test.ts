import { describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/api.js';
import { plainText, readCards, readClusters, cardBody } from '../../shared/boardDoc.js';
import { readAgreementDraft, readAgreementVersions, readMeta, readParticipants, readRounds, readTally } from '../../shared/controlDoc.js';
import { api, liveServer, synced } from './support.js';

const server = liveServer();

describe('the demo workshop', () => {
  it.each([
    ['sv', 'Industriforum – uppstart', 'Kompetensförsörjning'],
    ['nl', 'Industrieforum – startsessie', undefined],
    ['en', 'Manufacturing coalition – kick-off', 'Energy transition'],
  ])('opens a filled, clustered, voted and agreed %s workshop for the facilitator', async (language, title, theme) => {
    const res = await api<CreateBoardResponse>(server.url, 'POST', '/api/demo-boards', { language });
    expect(res.status).toBe(201);
    const board = server.connect(res.body.boardId, res.body.facilitatorToken);
    const control = server.connect(`${res.body.boardId}/control`, res.body.facilitatorToken);
    await Promise.all([synced(board), synced(control)]);
    expect(readMeta(control.doc)).toMatchObject({ title, language, phase: 'agree' });
    const participants = readParticipants(control.doc);
    expect(participants.length).toBeGreaterThan(5);
    const cards = readCards(board.doc);
    expect(cards.length).toBeGreaterThan(10);
    expect(cards.every((c) => participants.some((p) => p.id === c.author))).toBe(true);
    expect(cards.every((c) => c.cluster !== null)).toBe(true);
    if (theme) expect(readClusters(board.doc).map((c) => c.title)).toContain(theme);
    // The Swedish sample has card details; they arrive as rich text.
    if (language === 'sv') expect(cards.some((c) => plainText(cardBody(board.doc, c.id)!).length > 0)).toBe(true);

    // Two revealed rounds voted by the simulated participants: an anonymous one, then a named run-off.
    const rounds = readRounds(control.doc);
    expect(rounds.map((r) => [r.state, r.settings.anonymous])).toEqual([
      ['revealed', true],
      ['revealed', false],
    ]);
    for (const round of rounds) expect(readTally(control.doc, round.id)).toMatchObject({ voters: { total: participants.length } });
    // A frozen version 1, and a draft that goes on from it with owners and next steps.
    expect(readAgreementVersions(control.doc)).toEqual([{ version: 1, frozenAt: expect.any(Number) }]);
    const draft = readAgreementDraft(control.doc)!;
    expect(draft.roundId).toBe(rounds[1]!.id);
    expect(draft.items.every((item) => item.owner !== '' && item.nextStep !== '')).toBe(true);
  });

  it('refuses an unknown language', async () => {
    const res = await api<{ field: string }>(server.url, 'POST', '/api/demo-boards', { language: 'de' });
    expect([res.status, res.body.field]).toEqual([400, 'language']);
  });
});
