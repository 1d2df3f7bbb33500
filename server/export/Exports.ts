import type * as Y from 'yjs';
import type { ExportQuery } from '../../shared/api.js';
import { cardBodyText, cardsOf, readCards, readClusters } from '../../shared/boardDoc.js';
import { readAgreementDraft, readMeta, readRevealedRounds, readRounds } from '../../shared/controlDoc.js';
import { buildPriorityList, toCsv, toJson, toMarkdown, type PriorityList, type PriorityListInput } from '../../shared/export/index.js';
import { inReaderLanguage } from '../../shared/export/readerLanguage.js';
import { toXlsx } from '../../shared/export/xlsx.js';
import { may, situationOf } from '../../shared/permissions.js';
import type { Access } from '../auth/Access.js';
import { cardKeysOf } from '../auth/cardKeys.js';
import { DomainError } from '../DomainError.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import type { Identity } from '../storage/Identity.js';
import type { AgreementRecord, ParticipantRecord } from '../storage/records.js';

export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}

/** The priority list as files: CSV, Markdown, JSON and XLSX, from a frozen version, the draft, or the latest results. */
export class Exports {
  constructor(
    private readonly identity: Pick<Identity, 'listParticipants' | 'listTokenHashes' | 'findToken'>,
    private readonly agreements: AgreementArchive,
    private readonly rooms: RoomRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The priority list in one format: a frozen version (the latest, or the one asked for); before any is
   * frozen, the facilitator's draft as it stands (marked as a draft), or else the latest revealed round
   * (marked as not agreed). The XLSX adds a sheet per revealed round.
   */
  /** In the reader's language when `lang` is given, else in the workshop's (the language a frozen list was frozen in). */
  async exportFile(access: Access, { format, version, lang }: ExportQuery): Promise<ExportFile> {
    const [frozen, participants, authors] = await Promise.all([
      this.agreements.list(access.boardId),
      this.identity.listParticipants(access.boardId),
      this.authorsOfAnonymousCards(access),
    ]);
    const { list, rounds, language } = await this.rooms.withRoom(access.boardId, (room) => {
      const language = lang ?? readMeta(room.control.doc)?.language;
      const told = (list: PriorityList) => (language ? inReaderLanguage(list, language) : list);
      const input = () => boardInput(room.board.doc, room.control.doc, participants, authors);
      return {
        list: told(this.listToExport(access, room, version, frozen, input)),
        rounds: format === 'xlsx' ? this.roundLists(input()).map(told) : [],
        language,
      };
    });
    const date = new Date(list.frozenAt ?? list.board.exportedAt ?? this.now()).toISOString().slice(0, 10);
    // The language in the name, so the Swedish and the English file of one list can sit side by side.
    const base = `${fileSlug(list.board.title)}-${date}${list.version ? `-v${list.version}` : list.status === 'draft' ? '-draft' : ''}${language ? `-${language}` : ''}`;
    switch (format) {
      case 'csv':
        return { body: toCsv(list), contentType: 'text/csv; charset=utf-8; header=present', filename: `${base}.csv` };
      case 'md':
        return { body: toMarkdown(list), contentType: 'text/markdown; charset=utf-8', filename: `${base}.md` };
      case 'json':
        return { body: toJson(list), contentType: 'application/json; charset=utf-8', filename: `${base}.json` };
      case 'xlsx':
        return { body: await toXlsx(list, rounds), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${base}.xlsx` };
    }
  }

  /**
   * Who wrote each anonymous card, by card key: for the facilitator only. Anyone else's export reads the keys as
   * unknown authors, so it carries no author group per card and counts no card under a group.
   */
  private async authorsOfAnonymousCards(access: Access): Promise<ReadonlyMap<string, string>> {
    if (access.role !== 'facilitator') return new Map();
    return new Map(Array.from(await cardKeysOf(this.identity, access.boardId), ([id, key]) => [key, id]));
  }

  private listToExport(access: Access, room: BoardRoom, version: number | undefined, frozen: AgreementRecord[], input: () => PriorityListInput): PriorityList {
    const meta = readMeta(room.control.doc);
    if (!meta) throw new DomainError('not-found', 'unknown board');
    if (!may(access.role, 'export', situationOf(meta))) {
      throw new DomainError('forbidden', 'the facilitator has not shared the export with participants');
    }
    if (version !== undefined) {
      const wanted = frozen.find((a) => a.version === version);
      if (!wanted) throw new DomainError('not-found', `there is no version ${version}`, 'version');
      return wanted.list;
    }
    if (frozen.length > 0) return frozen[frozen.length - 1].list;
    const draft = readAgreementDraft(room.control.doc);
    return buildPriorityList({ ...input(), draft, exportedAt: this.now() });
  }

  /** Each revealed round's results alone, oldest first: the round sheets of the XLSX. */
  private roundLists(input: PriorityListInput): PriorityList[] {
    return input.rounds
      .filter((round) => input.tallies[round.id] !== undefined)
      .map((round) => buildPriorityList({ ...input, rounds: [round], exportedAt: this.now() }));
  }
}


/**
 * The board as plain data for buildPriorityList: only revealed rounds' tallies ever leave the control document.
 * `authors` names the participant behind a card key, where the reader may know it.
 */
export function boardInput(board: Y.Doc, control: Y.Doc, participants: ParticipantRecord[], authors: ReadonlyMap<string, string> = new Map()): PriorityListInput {
  const meta = readMeta(control);
  if (!meta) throw new DomainError('not-found', 'unknown board');
  const tallies = Object.fromEntries(readRevealedRounds(control).map(({ round, tally }) => [round.id, tally]));
  return {
    board: { title: meta.title, question: meta.question, language: meta.language, groups: meta.groups },
    cards: readCards(board).map((card) => ({ ...card, author: authors.get(card.author) ?? card.author, bodyText: cardBodyText(cardsOf(board).get(card.id)!) })),
    clusters: readClusters(board).map(({ id, title }) => ({ id, title })),
    participants: participants.map(({ id, name, organisation, group }) => ({ id, name, organisation, group })),
    rounds: readRounds(control),
    tallies,
  };
}

function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'forumboard';
}
