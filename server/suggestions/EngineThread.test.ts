import { describe, expect, it } from 'vitest';
import { DomainError } from '../DomainError.js';
import { EngineThread } from './EngineThread.js';
import type { SuggestInput } from './suggest.js';

const board: SuggestInput = {
  language: 'sv',
  cards: [
    { id: 'a', title: 'Höga elpriser', body: '', themeId: null },
    { id: 'b', title: 'Effektbrist i elnätet', body: '', themeId: null },
  ],
  themes: [],
};

// What the HTTP layer turns into a 503 whose code the client says in the reader's language.
const refusal = (error: unknown) => (error instanceof DomainError ? `${error.kind}: ${error.code}` : error);

describe('the engine thread', () => {
  it('fails the computation its thread died in as unavailable, and answers the next one on a new thread', async () => {
    const engine = new EngineThread();
    const lost: string[] = [];
    engine.onLost((reason) => lost.push(reason));
    expect((await engine.run(board)).themes).toHaveLength(1);
    // Input the engine cannot read throws inside the thread, which ends it: as an engine bug would.
    const broken = { ...board, themes: null } as unknown as SuggestInput;
    await expect(engine.run(broken).catch(refusal)).resolves.toBe('unavailable: suggestions-unavailable');
    // Told once, for the operator's log and metrics, though the thread says 'error' and then 'exit'.
    expect(lost).toHaveLength(1);
    expect((await engine.run(board)).themes).toEqual([{ title: 'Energi och elpriser', cardIds: ['a', 'b'] }]);
  }, 60_000);

  it('lines up a few boards behind the one it computes and turns away the rest', async () => {
    const engine = new EngineThread();
    const asked = Array.from({ length: 10 }, () => engine.run(board).then(() => 'answered', refusal));
    expect(await Promise.all(asked)).toEqual([...Array(9).fill('answered'), 'unavailable: suggestions-unavailable']);
  }, 60_000);

  it('refuses, before it starts, a board that would need more memory than one computation may take', async () => {
    const engine = new EngineThread();
    // 2,000 cards of 3,000 characters each: six times the board's content budget, as a board kept from before it.
    const huge: SuggestInput = {
      language: 'en',
      cards: Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, title: `Card ${i}`, body: `word${i} `.repeat(400).slice(0, 3000), themeId: null })),
      themes: [],
    };
    const error = await engine.run(huge).then(() => null, (e: unknown) => e);
    expect(refusal(error)).toBe('too-large: suggestions-too-large');
    expect((error as Error).message).toMatch(/too large for suggestions: they would need about \d+ MB, over the 512 MB/);
  }, 120_000);
});
