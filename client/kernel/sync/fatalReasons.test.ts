import { describe, expect, it } from 'vitest';
import { endingToShow, type FatalReason } from './fatalReasons';

/** The endings of both documents, in the order they arrive, as BoardConnection meets them. */
const shownAfter = (...endings: FatalReason[]) => endings.reduce<FatalReason | null>((shown, next) => endingToShow(shown, next), null);

describe('the ending a board connection shows', () => {
  it('is the deleted workshop, not "link not valid", whichever document closes first', () => {
    expect(shownAfter('deleted', 'invalidToken')).toBe('deleted');
    expect(shownAfter('invalidToken', 'deleted')).toBe('deleted');
    expect(shownAfter('unknownBoard', 'deleted')).toBe('deleted');
  });

  it('is the removal or the revoked link over the refused token that follows from it', () => {
    expect(shownAfter('invalidToken', 'removed')).toBe('removed');
    expect(shownAfter('removed', 'invalidToken')).toBe('removed');
    expect(shownAfter('revoked', 'forbidden')).toBe('revoked');
    expect(shownAfter('removed', 'deleted')).toBe('deleted');
  });

  it('keeps the first of two endings that say as much', () => {
    expect(shownAfter('invalidToken', 'unknownBoard')).toBe('invalidToken');
  });
});
