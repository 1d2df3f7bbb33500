import * as Y from 'yjs';
import { cardBodyText, cardsOf, readCards, readClusters } from '../../shared/boardDoc.js';
import { metaOf, readMeta } from '../../shared/controlDoc.js';
import { participantsMayCluster } from '../../shared/phases.js';
import { boardConceptsBody, type BoardConcept, type SuggestionsResponse } from '../../shared/suggestions/api.js';
import type { Access } from '../auth/Access.js';
import { DomainError } from '../DomainError.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { SuggestInput } from './suggest.js';

/**
 * The facilitator's own concepts live in the control document's meta map, beside the settings: only the
 * server writes that document, it is stored, exported as a template and deleted with the board, and every
 * client already syncs it.
 */
const CONCEPTS_KEY = 'suggestionConcepts';

/**
 * The engine, with its stemmers and stop-word lists, is loaded on the first request: a server that restarts
 * no longer spends that time before it listens, for a feature used once or twice a workshop.
 */
let engine: Promise<typeof import('./suggest.js')> | null = null;
const loadEngine = () => (engine ??= import('./suggest.js'));

/** Suggested themes and duplicates for a board, and the board's own concepts that steer them. */
export class Suggestions {
  constructor(private readonly rooms: RoomRegistry) {}

  /**
   * The facilitator may always ask; a participant only while participants may cluster (the same rule the board
   * policy applies to moving cards); an observer never.
   */
  async forBoard(access: Access): Promise<SuggestionsResponse> {
    const { suggest } = await loadEngine();
    return this.rooms.withRoom(access.boardId, (room) => {
      const meta = readMeta(room.control.doc);
      if (!meta) throw new DomainError('not-found', 'unknown board');
      const allowed = access.role === 'facilitator' || (access.role === 'participant' && participantsMayCluster(meta.phase, meta.settings));
      if (!allowed) throw new DomainError('forbidden', 'suggestions are for whoever may cluster now');
      const input = { ...boardInput(room.board.doc, meta.language, conceptsIn(room.control.doc)), subject: `${meta.title}\n${meta.question}` };
      return answerOnce(room.board.doc, input, suggest);
    });
  }

  async concepts(boardId: string): Promise<BoardConcept[]> {
    return this.rooms.withRoom(boardId, (room) => conceptsIn(room.control.doc));
  }

  async setConcepts(boardId: string, concepts: BoardConcept[]): Promise<BoardConcept[]> {
    return this.rooms.withRoom(boardId, async (room) => {
      // Stored and passed on to every client before the answer says so.
      await room.control.serverTransact((doc) => metaOf(doc).set(CONCEPTS_KEY, concepts));
      return conceptsIn(room.control.doc);
    });
  }
}

/**
 * The last answer per board document, with the board version and input it was computed for. A 2,000-card
 * board costs over half a second of CPU, during which the server serves no one else: asking again about an
 * unchanged board (another participant, a double click, a script) gets the same answer for free. Kept with
 * the document, so it goes when the room unloads.
 */
const versions = new WeakMap<Y.Doc, { version: number }>();
const answers = new WeakMap<Y.Doc, { version: number; context: string; answer: SuggestionsResponse }>();

function answerOnce(board: Y.Doc, input: SuggestInput, suggest: (input: SuggestInput) => SuggestionsResponse): SuggestionsResponse {
  let counter = versions.get(board);
  if (!counter) {
    const fresh = { version: 0 };
    // Every change counts, deletions too (a state vector alone does not move when a card is deleted).
    board.on('update', () => fresh.version++);
    versions.set(board, (counter = fresh));
  }
  const context = JSON.stringify([input.language, input.subject, input.concepts]);
  const last = answers.get(board);
  if (last && last.version === counter.version && last.context === context) return last.answer;
  const answer = suggest(input);
  answers.set(board, { version: counter.version, context, answer });
  return answer;
}

/** The stored concepts, read through the same schema as a request: a document from elsewhere proves nothing. */
function conceptsIn(control: Y.Doc): BoardConcept[] {
  const parsed = boardConceptsBody.safeParse({ concepts: metaOf(control).get(CONCEPTS_KEY) ?? [] });
  return parsed.success ? parsed.data.concepts : [];
}

function boardInput(board: Y.Doc, language: SuggestInput['language'], concepts: BoardConcept[]): SuggestInput {
  const themes = readClusters(board);
  const known = new Set(themes.map((t) => t.id));
  const bodies = cardsOf(board);
  return {
    language,
    // readCards orders by time written, then id: the same board gives the same answer.
    cards: readCards(board).map((card) => ({
      id: card.id,
      title: card.title,
      body: cardBodyText(bodies.get(card.id)!),
      // A card whose theme is gone counts as unthemed, as the board shows it.
      themeId: card.cluster !== null && known.has(card.cluster) ? card.cluster : null,
    })),
    themes: themes.map(({ id, title }) => ({ id, title })),
    concepts,
  };
}
