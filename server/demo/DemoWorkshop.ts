import * as Y from 'yjs';
import type { CreateBoardResponse } from '../../shared/api.js';
import { addCard, addCluster, cardBody } from '../../shared/boardDoc.js';
import type { Language } from '../../shared/phases.js';
import type { BoardService } from '../board/BoardService.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import samples from './workshops.json' with { type: 'json' };

interface SampleWorkshop {
  language: Language;
  title: string;
  question: string;
  groups: string[];
  participants: Array<{ name: string; organisation: string; group: string }>;
  themes: string[];
  cards: Array<{ title: string; body: string; author: number; theme: string }>;
}

/**
 * A ready-made workshop to try the product with: a realistic kick-off in the chosen language, its
 * participants joined, their cards written and clustered into themes, waiting in the cluster phase.
 */
export function createDemoWorkshop(boards: BoardService, rooms: RoomRegistry, language: Language, baseUrl: string): CreateBoardResponse {
  const sample = (samples.workshops as SampleWorkshop[]).find((w) => w.language === language) ?? (samples.workshops[0] as SampleWorkshop);
  const created = boards.createBoard({ title: sample.title, question: sample.question, language: sample.language, groups: sample.groups }, baseUrl);
  const authors = sample.participants.map(
    (p) => boards.join(created.boardId, { joinCode: created.joinCode, name: p.name, organisation: p.organisation, group: p.group }).participantId,
  );
  rooms.withRoom(created.boardId, (room) =>
    room.board.serverTransact((doc) => {
      const themeIds = new Map(sample.themes.map((title) => [title, addCluster(doc, { title })]));
      for (const card of sample.cards) {
        const id = addCard(doc, { title: card.title, author: authors[card.author], cluster: themeIds.get(card.theme) ?? null });
        if (card.body) {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(card.body)]);
          cardBody(doc, id)?.insert(0, [paragraph]);
        }
      }
    }),
  );
  boards.setPhase(created.boardId, 'cluster');
  return created;
}
