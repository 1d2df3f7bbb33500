import * as Y from 'yjs';
import { cardBodyText, cardsOf, readCards, readClusters } from '../../shared/boardDoc.js';
import { readMeta, readParticipants, readSeating, readSuggestionConcepts, type BoardMeta } from '../../shared/controlDoc.js';
import { asTableHost, may, situationOf, type Situation } from '../../shared/permissions.js';
import { hostOf } from '../../shared/tables/seating.js';
import type { BoardConcept, SuggestionsResponse } from '../../shared/suggestions/api.js';
import type { Access } from '../auth/Access.js';
import { DomainError } from '../DomainError.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import { changeBoardState, type BoardFacts } from '../storage/BoardFacts.js';
import { versionOf } from '../docVersions.js';
import { TokenBuckets } from '../TokenBuckets.js';
import { EngineThread } from './EngineThread.js';
import type { SuggestInput } from './suggest.js';

/**
 * The engine, with its stemmers and stop-word lists, runs on its own thread, started on the first request: a
 * server that restarts spends no time on it before it listens, and a computation never stalls the WebSockets.
 * One thread for the process, whatever number of servers a test starts in it.
 */
const engine = new EngineThread();

/** Suggested themes and duplicates for a board, and the board's own concepts that steer them. */
export class Suggestions {
  private readonly unsubscribe: () => void;
  private readonly computations = new TokenBuckets(COMPUTATIONS_PER_BOARD);

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly stored: { facts: BoardFacts; projection: Pick<ControlProjection, 'show'> },
    private readonly watch: { log: Logger; metrics: Metrics },
  ) {
    // A thread that dies is replaced on the next request; the operator still hears of it, since it means a bug.
    this.unsubscribe = engine.onLost((reason) => {
      watch.metrics.suggestionEnginesLost.inc();
      watch.log.error('the suggestions engine thread ended; the next request starts a new one', { reason });
    });
  }

  /** Stops listening to the engine, which other servers in this process may still use. */
  close(): void {
    this.unsubscribe();
  }

  /** Whoever may cluster now may ask (shared/permissions.ts, the rule the board policy applies to moving cards). */
  async forBoard(access: Access): Promise<SuggestionsResponse> {
    return this.suggest(access, async (room, meta) => ({ doc: room.board.doc, now: situationOf(meta) }));
  }

  /**
   * For a breakout table's board, whoever may cluster there: the facilitator, and those seated at it as the board's
   * policy judges them (its host runs its clustering, `asTableHost`). Charged to the workshop's budget.
   */
  async forTable(access: Access, tableId: string): Promise<SuggestionsResponse> {
    return this.suggest(access, async (room, meta) => {
      const seating = readSeating(room.control.doc);
      if (!seating.tables.some((table) => table.id === tableId)) throw new DomainError('not-found', 'no such table on this board');
      if (access.role === 'participant' && (access.participantId === null || seating.seats[access.participantId] !== tableId)) {
        throw new DomainError('forbidden', 'suggestions for a table are for those seated at it');
      }
      const hosting = access.participantId !== null && hostOf(seating, tableId) === access.participantId;
      return { doc: (await room.table(tableId)).doc, now: hosting ? asTableHost(situationOf(meta)) : situationOf(meta) };
    });
  }

  private async suggest(access: Access, boardOf: (room: BoardRoom, meta: BoardMeta) => Promise<{ doc: Y.Doc; now: Situation }>): Promise<SuggestionsResponse> {
    // The room is held only while its documents are read into plain data; the answer comes from the engine thread.
    return this.rooms.withRoom(access.boardId, async (room) => {
      const meta = readMeta(room.control.doc);
      if (!meta) throw new DomainError('not-found', 'unknown board');
      const { doc, now } = await boardOf(room, meta);
      if (!may(access.role, 'cluster', now)) throw new DomainError('forbidden', 'suggestions are for whoever may cluster now');
      const subject = `${meta.title}\n${meta.question}`;
      const concepts = readSuggestionConcepts(room.control.doc);
      // The board is read into plain data only when the answer is not already there or on its way.
      return answerOnce(() => this.computations.take(access.boardId), () => this.watch.metrics.suggestionsComputed.inc(), doc, [meta.language, subject, concepts], () => ({ ...boardInput(doc, room.control.doc, meta.language, concepts), subject }));
    });
  }

  async concepts(boardId: string): Promise<BoardConcept[]> {
    const stored = await this.stored.facts.getState(boardId);
    if (!stored) throw new DomainError('not-found', 'unknown board');
    return stored.state.concepts;
  }

  async setConcepts(boardId: string, concepts: BoardConcept[]): Promise<BoardConcept[]> {
    // Stored and passed on to every client before the answer says so.
    const state = await changeBoardState(this.stored.facts, boardId, () => ({ concepts }));
    await this.stored.projection.show(boardId);
    return state.concepts;
  }
}

/**
 * The last answer per board document, with the board version and input it is for. Asking again about an
 * unchanged board (another participant, a double click, a script) shares that answer, even while it is still
 * being computed. Kept with the document, so it goes when the room unloads.
 */
const answers = new WeakMap<Y.Doc, Computation>();

interface Computation {
  key: string;
  /** The engine's turn for this board: settles when this computation ran, or found a newer one and skipped. */
  turn: Promise<SuggestionsResponse | typeof SUPERSEDED>;
  answer: Promise<SuggestionsResponse>;
}
const SUPERSEDED = Symbol('superseded');

/**
 * New computations per board (answers already computed are shared and free): enough for a facilitator who edits
 * and asks again, while someone editing and asking in a loop gets one every 15 s, whatever the size of the board.
 */
const COMPUTATIONS_PER_BOARD = { burst: 4, perSecond: 1 / 15 };

/**
 * At most one computation per board runs at a time, and at most one waits: a board changed while its answer is
 * computed waits its turn, and when several requests for ever newer versions wait, only the newest is computed
 * and the others get its answer, so someone editing and asking in a loop cannot line up work.
 */
function answerOnce(take: () => number, started: () => void, board: Y.Doc, asked: unknown[], read: () => SuggestInput): Promise<SuggestionsResponse> {
  const key = JSON.stringify([versionOf(board), ...asked]);
  const last = answers.get(board);
  if (last && last.key === key) return last.answer;
  const wait = take();
  if (wait > 0) {
    throw DomainError.tooSoon('suggestions-unavailable', `suggestions for this board were computed ${COMPUTATIONS_PER_BOARD.burst} times just now; ask again in a few seconds`, wait);
  }
  const input = read();
  const before: Promise<unknown> = last ? last.turn.catch(() => undefined) : Promise.resolve();
  const computation = { key } as Computation;
  const run = () => {
    started();
    return engine.run(input);
  };
  computation.turn = before.then<SuggestionsResponse | typeof SUPERSEDED>(() => (answers.get(board) === computation ? run() : SUPERSEDED));
  computation.answer = computation.turn.then((answer) => (answer === SUPERSEDED ? (answers.get(board)?.answer ?? run()) : answer));
  // A failed computation is not kept: the next request tries afresh.
  computation.answer.catch(() => {
    if (answers.get(board) === computation) answers.delete(board);
  });
  answers.set(board, computation);
  return computation.answer;
}

function boardInput(board: Y.Doc, control: Y.Doc, language: SuggestInput['language'], concepts: SuggestInput['concepts']): SuggestInput {
  const themes = readClusters(board);
  // A card whose words do not tell its language is read in the language its author joined in.
  const authorLanguages = new Map(readParticipants(control).map((p) => [p.id, p.language ?? null]));
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
      authorLanguage: authorLanguages.get(card.author) ?? null,
    })),
    themes: themes.map(({ id, title }) => ({ id, title })),
    concepts,
  };
}
