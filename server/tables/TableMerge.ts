import { addCluster, cardsOf, clustersOf, readCards, readClusters } from '../../shared/boardDoc.js';
import { readMeta, readSuggestionConcepts } from '../../shared/controlDoc.js';
import { copyCard } from '../../shared/copyCard.js';
import { LIMITS } from '../../shared/limits.js';
import type { MergeResult, MergeSuggestions, MergeTablesBody } from '../../shared/tables/api.js';
import type { TableInfo } from '../../shared/tables/seating.js';
import { DomainError } from '../DomainError.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { DocRoom } from '../rooms/DocRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { TableSeats } from '../storage/TableSeats.js';

/**
 * Brings the breakout tables back to the plenary: suggests which of their themes are one, and copies every table's
 * cards and themes onto the plenary board, each card with the table it was written at.
 */
export class TableMerge {
  constructor(
    private readonly rooms: RoomRegistry,
    /** The tables as stored: renamed through another instance a moment ago, a table merges under its new name. */
    private readonly seats: Pick<TableSeats, 'read'>,
  ) {}

  /** Themes of different tables about the same thing (server/suggestions/themesAlike.ts), for the facilitator to confirm. */
  async suggestions(boardId: string): Promise<MergeSuggestions> {
    const { themes, language, concepts } = await this.rooms.withRoom(boardId, async (room) => {
      const tables = await this.tableBoards(boardId, room);
      const meta = readMeta(room.control.doc);
      return {
        language: meta?.language ?? 'en',
        concepts: readSuggestionConcepts(room.control.doc),
        themes: tables.flatMap(({ table, doc }) => {
          const cards = readCards(doc.doc);
          return readClusters(doc.doc).map((theme) => ({
            tableId: table.id,
            themeId: theme.id,
            title: theme.title,
            cardTitles: cards.filter((card) => card.cluster === theme.id).map((card) => card.title),
          }));
        }),
      };
    });
    // Loaded on first use, so the server starts without the stemmers (the suggestions engine has them on its thread).
    const { themesAlike } = await import('../suggestions/themesAlike.js');
    const titles = new Map(themes.map((t) => [`${t.tableId}/${t.themeId}`, t.title]));
    return {
      combine: themesAlike(themes, language, concepts).map((group) => ({
        title: group.title,
        themes: group.themes.map((t) => ({ ...t, title: titles.get(`${t.tableId}/${t.themeId}`)! })),
      })),
    };
  }

  /**
   * One change of the plenary board that everyone receives at once. Cards and themes keep their ids, so merging
   * again brings only what is new; a combined theme takes the id of its first theme.
   */
  async merge(boardId: string, body: MergeTablesBody): Promise<MergeResult> {
    return this.rooms.withRoom(boardId, async (room) => {
      const tables = await this.tableBoards(boardId, room);
      if (tables.length === 0) throw new DomainError('conflict', 'there are no tables to merge');
      const themeOf = new Map<string, { id: string; title: string }>();
      for (const combined of body.combine) {
        const first = combined.themes[0]!;
        for (const t of combined.themes) themeOf.set(`${t.tableId}/${t.themeId}`, { id: first.themeId, title: combined.title });
      }
      let cards = 0;
      let themes = 0;
      await room.board.serverTransact((plenary) => {
        const plenaryCards = cardsOf(plenary);
        const plenaryThemes = clustersOf(plenary);
        const arriving = tables.flatMap(({ table, doc }) => {
          const cardsHere = cardsOf(doc.doc);
          const themesHere = clustersOf(doc.doc);
          return Array.from(cardsHere.keys())
            .filter((id) => !plenaryCards.has(id))
            .map((id) => {
              const card = cardsHere.get(id)!;
              const theme = card.get('cluster');
              const cluster = typeof theme === 'string' && themesHere.has(theme) ? (themeOf.get(`${table.id}/${theme}`)?.id ?? theme) : null;
              return { table, id, card, cluster };
            });
        });
        // A theme whose cards all came with an earlier merge is not brought again (combined then, it is not there).
        const stillArriving = new Set(arriving.map((card) => card.cluster));
        const newThemes = new Map<string, string>();
        for (const { table, doc } of tables) {
          const cards = readCards(doc.doc);
          for (const theme of readClusters(doc.doc)) {
            const target = themeOf.get(`${table.id}/${theme.id}`) ?? { id: theme.id, title: theme.title };
            const arrives = stillArriving.has(target.id) || !cards.some((card) => card.cluster === theme.id);
            if (!plenaryThemes.has(target.id) && arrives) newThemes.set(target.id, target.title);
          }
        }
        // A server change is not judged by the board's policy: the plenary board's caps are checked here.
        if (plenaryCards.size + arriving.length > LIMITS.maxCardsPerBoard || plenaryThemes.size + newThemes.size > LIMITS.maxClustersPerBoard) {
          throw DomainError.refusal('too-large', 'merge-over-caps', `the plenary board would hold more than ${LIMITS.maxCardsPerBoard} cards or ${LIMITS.maxClustersPerBoard} themes; nothing was merged`);
        }
        for (const [id, title] of newThemes) addCluster(plenary, { id, title });
        for (const { table, id, card, cluster } of arriving) {
          copyCard(plenary, id, card, undefined, { cluster, table: { number: table.number, name: table.name } });
        }
        cards = arriving.length;
        themes = newThemes.size;
      });
      return { cards, themes };
    });
  }

  /** Every table of the board with its board document, in table order. */
  private async tableBoards(boardId: string, room: BoardRoom): Promise<Array<{ table: TableInfo; doc: DocRoom }>> {
    const { tables } = await this.seats.read(boardId);
    return Promise.all(tables.map(async (table) => ({ table, doc: await room.table(table.id) })));
  }
}
