import type * as Y from 'yjs';
import type { ExportQuery } from '../../shared/api.js';
import { cardBodyText, cardsOf, readCards, readClusters } from '../../shared/boardDoc.js';
import { decisionRecordOf, signoffOutcome, type DecisionRecord, type SignoffDecision } from '../../shared/signoff.js';
import { buildPriorityList, toCsv, toJson, toMarkdown, withoutAuthorGroups, type PriorityList, type PriorityListInput } from '../../shared/export/index.js';
import { inReaderLanguage } from '../../shared/export/readerLanguage.js';
import { may, situationOf } from '../../shared/permissions.js';
import { revealedRounds } from '../../shared/voting/revealed.js';
import type { Access } from '../auth/Access.js';
import { cardKeysOf } from '../auth/cardKeys.js';
import { DomainError } from '../DomainError.js';
import { controlView, type ControlView } from '../projection/controlView.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import type { BoardFacts, FactsAtRevision } from '../storage/BoardFacts.js';
import type { Identity } from '../storage/Identity.js';
import type { AgreementRecord, ParticipantRecord } from '../storage/records.js';
import { TokenBuckets } from '../TokenBuckets.js';
import { WorkerThread } from '../WorkerThread.js';
import { versionOf } from '../docVersions.js';
import type { XlsxInput } from './xlsxFile.js';

export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}

/**
 * Spreadsheets are built on a thread of their own: a sheet per revealed round of a full board is seconds of CPU.
 * A few boards' spreadsheets wait behind the one being built; past them, the reader is told to ask again.
 */
const spreadsheets = new WorkerThread<XlsxInput, Uint8Array>(new URL('./xlsxWorker.ts', import.meta.url), {
  maxWaiting: 4,
  deadlineMs: 60_000,
  heapMb: 512,
  refusals: {
    busy: () => DomainError.refusal('unavailable', 'too-busy', 'the server is busy building spreadsheets for other boards; ask again shortly'),
    failed: () => DomainError.refusal('unavailable', 'too-busy', 'building the spreadsheet failed; ask again'),
  },
});

/**
 * Fresh exports per board (a file already made for this version of the board is shared and free): a
 * facilitator downloading every format in both languages of three versions, a spreadsheet costing five, fits in
 * the burst; someone editing and downloading in a loop gets one text file a second, one spreadsheet every five.
 */
const EXPORTS_PER_BOARD = { burst: 60, perSecond: 1 };
const SPREADSHEET_COST = 5;

/**
 * The spreadsheet a board is having built: its next one waits for it, so a board has at most one job on the
 * shared thread and another board's spreadsheet waits behind at most one of each.
 */
const building = new Map<string, Promise<unknown>>();

function buildSpreadsheet(boardId: string, input: XlsxInput): Promise<Uint8Array> {
  const built = (building.get(boardId) ?? Promise.resolve()).catch(() => undefined).then(() => spreadsheets.run(input));
  building.set(boardId, built);
  void built.finally(() => building.get(boardId) === built && building.delete(boardId)).catch(() => undefined);
  return built;
}

/** Files kept per board document, the newest last: every format in two languages. */
const KEPT_PER_BOARD = 8;
const made = new WeakMap<Y.Doc, Map<string, Promise<ExportFile>>>();

/** The priority list as files: CSV, Markdown, JSON and XLSX, from a frozen version, the draft, or the latest results. */
export class Exports {
  private readonly fresh = new TokenBuckets(EXPORTS_PER_BOARD);

  constructor(
    private readonly identity: Pick<Identity, 'listTokenHashes' | 'findToken'>,
    private readonly facts: Pick<BoardFacts, 'read'>,
    private readonly agreements: AgreementArchive,
    private readonly rooms: RoomRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The priority list in one format: a frozen version (the latest, or the one asked for); before any is
   * frozen, the facilitator's draft as it stands (marked as a draft), or else the latest revealed round
   * (marked as not agreed). The XLSX adds a sheet per revealed round.
   *
   * In the reader's language when `lang` is given, else in the workshop's (the language a frozen list was frozen
   * in). Rounds, tallies, details, settings, the draft and the sign-off are read from the stored facts (one
   * `BoardFacts.read`), never from the control document, which may lag behind them; cards and themes from the board
   * document. A file is made once per version of what it is drawn from (the board document, the facts' revision,
   * the frozen versions) and shared by everyone who asks until one of them changes.
   */
  async exportFile(access: Access, query: ExportQuery): Promise<ExportFile> {
    const [facts, frozen, authors, signoffs, record] = await Promise.all([
      this.facts.read(access.boardId),
      this.agreements.list(access.boardId),
      this.authorsOfAnonymousCards(access),
      this.agreements.signoffs(access.boardId),
      this.agreements.record(access.boardId),
    ]);
    const signed: Signed = { decisions: signoffs, head: record.at(-1)?.hash ?? null, seals: new Map(record.map((entry) => [entry.version, entry.hash])) };
    const stored = storedView(facts);
    const participants = facts.people.participants;
    this.assertMayExport(access, stored, query.version, frozen);
    return this.rooms.withRoom(access.boardId, (room) => {
      const kept = made.get(room.board.doc) ?? new Map<string, Promise<ExportFile>>();
      made.set(room.board.doc, kept);
      // The facilitator's file names anonymous cards' authors (authorsOfAnonymousCards): never shared with anyone else.
      const facilitator = access.role === 'facilitator';
      // Only while cards are anonymous does the facilitator's file differ from everyone else's (it names card groups).
      const facilitatorsOwn = facilitator && stored.meta.settings.anonymousCards;
      const key = JSON.stringify([query, versionOf(room.board.doc), stored.revision, frozen.length, participants, facilitatorsOwn, signed.head]);
      const known = kept.get(key);
      if (known) return known;
      this.takeFresh(access.boardId, query.format === 'xlsx');
      const file = this.fileFor(room, stored, query, frozen, participants, authors, facilitator, signed);
      kept.set(key, file);
      if (kept.size > KEPT_PER_BOARD) kept.delete(kept.keys().next().value!);
      // A failed file is not kept: the next request tries afresh.
      file.catch(() => kept.get(key) === file && kept.delete(key));
      return file;
    });
  }

  /** Charges one fresh file to the board's budget (a spreadsheet costs more), or says when to ask again. */
  takeFresh(boardId: string, spreadsheet: boolean): void {
    const wait = this.fresh.take(boardId, spreadsheet ? SPREADSHEET_COST : 1);
    if (wait > 0) throw DomainError.tooSoon('too-busy', 'this board was exported many times just now; ask again in a few seconds', wait);
  }

  /** A spreadsheet of other sheets than the list's (the register's), built on the same thread, in the board's turn. */
  spreadsheet(boardId: string, input: XlsxInput): Promise<Uint8Array> {
    return buildSpreadsheet(boardId, input);
  }

  /**
   * Who wrote each anonymous card, by card key: for the facilitator only. Anyone else's export reads the keys as
   * unknown authors, so it carries no author group per card and counts no card under a group.
   */
  private async authorsOfAnonymousCards(access: Access): Promise<ReadonlyMap<string, string>> {
    if (access.role !== 'facilitator') return new Map();
    return new Map(Array.from(await cardKeysOf(this.identity, access.boardId), ([id, key]) => [key, id]));
  }

  private assertMayExport(access: Access, stored: ControlView, version: number | undefined, frozen: AgreementRecord[]): void {
    if (!may(access.role, 'export', situationOf(stored.meta))) {
      throw new DomainError('forbidden', 'the facilitator has not shared the export with participants');
    }
    if (version !== undefined && !frozen.some((a) => a.version === version)) throw new DomainError('not-found', `there is no version ${version}`, 'version');
  }

  /** The file, read from the board document now and the stored facts; a spreadsheet is then built on its thread. */
  private async fileFor(
    room: BoardRoom,
    stored: ControlView,
    { format, version, lang }: ExportQuery,
    frozen: AgreementRecord[],
    participants: ParticipantRecord[],
    authors: ReadonlyMap<string, string>,
    facilitator: boolean,
    signed: Signed,
  ): Promise<ExportFile> {
    const language = lang ?? stored.meta.language;
    const exportedAt = this.now();
    // A frozen version's text needs nothing of the board; its spreadsheet's round sheets do.
    const board = () => boardInput(room.board.doc, stored, participants, authors);
    const drawn = this.listToExport(stored, board, version, frozen, exportedAt);
    // A version frozen before cards were anonymous follows the setting as it is now for everyone but the facilitator.
    const listed = !facilitator && stored.meta.settings.anonymousCards ? withoutAuthorGroups(drawn) : drawn;
    const list = language ? inReaderLanguage(listed, language) : listed;
    const date = new Date(list.frozenAt ?? list.board.exportedAt ?? exportedAt).toISOString().slice(0, 10);
    // The language in the name, so the Swedish and the English file of one list can sit side by side.
    const record = list.version === null ? null : decisionRecordFor(stored, list.version, participants, signed);
    const base = `${fileSlug(list.board.title)}-${date}${list.version ? `-v${list.version}` : list.status === 'draft' ? '-draft' : ''}${language ? `-${language}` : ''}`;
    switch (format) {
      case 'csv':
        return { body: toCsv(list, record), contentType: 'text/csv; charset=utf-8; header=present', filename: `${base}.csv` };
      case 'md':
        return { body: toMarkdown(list, record), contentType: 'text/markdown; charset=utf-8', filename: `${base}.md` };
      case 'json':
        return { body: toJson(list, record), contentType: 'application/json; charset=utf-8', filename: `${base}.json` };
      case 'xlsx':
        return {
          body: await buildSpreadsheet(room.boardId, { kind: 'list', list, board: board(), language: lang, exportedAt, decisionRecord: record }),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `${base}.xlsx`,
        };
    }
  }

  private listToExport(stored: ControlView, board: () => PriorityListInput, version: number | undefined, frozen: AgreementRecord[], exportedAt: number): PriorityList {
    if (version !== undefined) return frozen.find((a) => a.version === version)!.list;
    if (frozen.length > 0) return frozen[frozen.length - 1].list;
    return buildPriorityList({ ...board(), draft: stored.agreementDraft ?? undefined, exportedAt });
  }
}

/** What the store holds of the sign-off: every decision, the record's last seal, and each version's last seal. */
interface Signed {
  decisions: SignoffDecision[];
  head: string | null;
  /**
   * The seal of each version's last entry (the version or its last sign-off): what its file carries, so a version's
   * files stay byte-identical once a newer version is frozen, and a printed copy pins the record up to there.
   */
  seals: Map<number, string | null>;
}

/** The sign-off of `version` under the workshop's rule and delegates as stored. */
function decisionRecordFor(stored: ControlView, version: number, participants: ParticipantRecord[], signed: Signed): DecisionRecord {
  const outcome = signoffOutcome(version, stored.signoff, stored.meta.groups, participants, signed.decisions);
  return decisionRecordOf(outcome, participants, signed.seals.get(version) ?? null);
}

/**
 * The board's stored facts as the control document shows them (`controlView`): what an export or a freeze takes of
 * rounds, tallies, details, the draft and the sign-off, read from the store and not from a drawing that may lag.
 */
export function storedView(facts: FactsAtRevision): ControlView {
  // No export or freeze reads the agenda of a follow-up or the draft's standing against the frozen list.
  const view = controlView({ ...facts, agenda: null, frozen: null });
  if (!view) throw new DomainError('not-found', 'unknown board');
  return view;
}

/**
 * The board as plain data for buildPriorityList: cards and themes from the board document, the rest from the
 * stored facts; only revealed rounds' tallies are taken. `authors` names the participant behind a card key, where
 * the reader may know it.
 */
export function boardInput(board: Y.Doc, stored: ControlView, participants: ParticipantRecord[], authors: ReadonlyMap<string, string> = new Map()): PriorityListInput {
  const { meta } = stored;
  const tallyOf = new Map(stored.tallies.map((tally) => [tally.roundId, tally]));
  const tallies = Object.fromEntries(revealedRounds(stored.rounds, (roundId) => tallyOf.get(roundId)).map(({ round, tally }) => [round.id, tally]));
  return {
    board: { title: meta.title, question: meta.question, language: meta.language, groups: meta.groups },
    cards: readCards(board).map((card) => ({ ...card, author: authors.get(card.author) ?? card.author, bodyText: cardBodyText(cardsOf(board).get(card.id)!) })),
    clusters: readClusters(board).map(({ id, title }) => ({ id, title })),
    participants: participants.map(({ id, name, organisation, group }) => ({ id, name, organisation, group })),
    rounds: stored.rounds,
    tallies,
  };
}

export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'forumboard';
}
