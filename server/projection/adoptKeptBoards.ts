import { readAgreementDraft, readMeta, readParticipants, readSuggestionConcepts, readTallies } from '../../shared/controlDoc.js';
import type { Language } from '../../shared/phases.js';
import { readPresentation } from '../../shared/presentation.js';
import { CONTROL_DOC } from '../../shared/rooms.js';
import type { Logger } from '../log.js';
import { readStoredDoc } from '../storage/DocumentLog.js';
import type { Stores } from '../storage/Stores.js';

/**
 * Boards kept before their state was stored had it only in their control document: at start, what each such
 * document shows is read once and stored as its facts (state, revealed tallies, participants' languages). Several
 * instances starting together may both try; the store takes the first. Resolves to the number of boards taken over.
 */
export async function adoptKeptBoards(stores: Pick<Stores, 'log' | 'facts'>, log: Logger): Promise<number> {
  let adopted = 0;
  for (const boardId of await stores.facts.boardsWithoutState()) {
    const doc = await readStoredDoc(stores.log, boardId, CONTROL_DOC);
    const meta = readMeta(doc);
    if (!meta) {
      log.warn('a board without a state shows none in its control document either; left as it is', { board: boardId });
      continue;
    }
    const languages: Record<string, Language> = {};
    for (const p of readParticipants(doc)) if (p.language) languages[p.id] = p.language;
    const state = { ...meta, presentation: readPresentation(doc), concepts: readSuggestionConcepts(doc), agreementDraft: readAgreementDraft(doc) ?? null };
    if (await stores.facts.adopt(boardId, { state, tallies: readTallies(doc), languages })) adopted++;
    doc.destroy();
  }
  return adopted;
}
