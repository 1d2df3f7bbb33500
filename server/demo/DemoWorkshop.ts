import type { CreateBoardResponse } from '../../shared/api.js';
import { addCard, addCluster } from '../../shared/boardDoc.js';
import { textParagraphs } from '../../shared/richText/textParagraphs.js';
import type { Language } from '../../shared/phases.js';
import type { Tally } from '../../shared/voting/types.js';
import { resolveAccess } from '../auth/Access.js';
import type { Agreements } from '../agreement/Agreements.js';
import type { Workshops } from '../workshops/Workshops.js';
import type { VoteRounds } from '../ballots/VoteRounds.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { Identity } from '../storage/Identity.js';
import samples from './workshops.json' with { type: 'json' };

interface SampleWorkshop {
  language: Language;
  title: string;
  question: string;
  groups: string[];
  participants: Array<{ name: string; organisation: string; group: string }>;
  themes: string[];
  cards: Array<{ title: string; body: string; author: number; theme: string }>;
  /** Next steps of the agreed list's first priorities, in the workshop's language. */
  nextSteps: string[];
}

export interface DemoServices {
  identity: Identity;
  workshops: Workshops;
  rooms: RoomRegistry;
  rounds: VoteRounds;
  agreements: Agreements;
}

/**
 * A ready-made workshop to try the product with, so every phase can be previewed: a realistic kick-off in
 * the chosen language, its participants joined, their cards written and clustered into themes, two vote
 * rounds cast by the simulated participants and revealed (an anonymous one on every theme, then a named
 * run-off), a frozen version 1 of the agreed list and a draft that goes on from it. It opens in Agree.
 */
export async function createDemoWorkshop(services: DemoServices, language: Language, baseUrl: string): Promise<CreateBoardResponse> {
  const { workshops, rooms } = services;
  const sample = (samples.workshops as SampleWorkshop[]).find((w) => w.language === language) ?? (samples.workshops[0] as SampleWorkshop);
  const created = await workshops.createBoard({ title: sample.title, question: sample.question, language: sample.language, groups: sample.groups }, baseUrl);
  // One after another, so the participants are listed in the sample's order.
  const joined = [];
  for (const p of sample.participants) {
    joined.push(await workshops.join(created.boardId, { joinCode: created.joinCode, name: p.name, organisation: p.organisation, group: p.group }));
  }
  const authors = joined.map((p) => p.participantId);
  await rooms.withRoom(created.boardId, (room) =>
    room.board.serverTransact((doc) => {
      const themeIds = new Map(sample.themes.map((title) => [title, addCluster(doc, { title })]));
      for (const card of sample.cards) {
        addCard(doc, { title: card.title, author: authors[card.author], cluster: themeIds.get(card.theme) ?? null, body: card.body ? textParagraphs(card.body) : [] });
      }
    }),
  );
  await simulateVoting(services, created.boardId, sample, joined.map((p) => p.token));
  await workshops.setPhase(created.boardId, 'agree');
  return created;
}

/**
 * Each simulated participant spreads 5 dots, at most 3 on one item, starting from a favourite that differs
 * by stakeholder group, so the group-balanced ranking and the split between groups have something to show.
 */
async function simulateVoting(services: DemoServices, boardId: string, sample: SampleWorkshop, tokens: string[]): Promise<void> {
  const { identity, rounds, agreements } = services;
  const groupIndex = (name: string) => sample.groups.indexOf(name);
  const vote = async (roundId: string, itemIds: string[]) => {
    for (const [person, token] of tokens.entries()) {
      const access = await resolveAccess(identity, boardId, token);
      if (!access.ok) continue;
      const start = (groupIndex(sample.participants[person]!.group) * 2 + (person % 2)) % itemIds.length;
      const picks = [0, 1, 2].map((step) => itemIds[(start + step) % itemIds.length]!);
      const dots = person % 2 === 0 ? [3, 2, 0] : [2, 2, 1];
      const allocations: Record<string, number> = {};
      picks.forEach((id, i) => {
        if (dots[i]! > 0) allocations[id] = (allocations[id] ?? 0) + dots[i]!;
      });
      await rounds.cast(access.access, roundId, allocations);
    }
  };

  const first = await rounds.open(boardId, { budget: 5, cap: 3, anonymous: true });
  await vote(first.id, first.items.map((item) => item.id));
  await rounds.reveal(boardId, first.id);
  const runoff = await rounds.open(boardId, { budget: 5, cap: 3, anonymous: false, runoff: { fromRound: first.id, top: 3 } });
  await vote(runoff.id, runoff.items.map((item) => item.id));
  const tally: Tally = await rounds.reveal(boardId, runoff.id);

  const organisations = sample.participants.map((p) => p.organisation);
  const items = tally.items.map((item, i) => ({ itemId: item.id, title: item.title, owner: organisations[(i * 3) % organisations.length] ?? '', nextStep: sample.nextSteps[i] ?? '' }));
  // Version 1 is frozen without the last next step; the draft then adds it, so the two can be compared.
  await agreements.saveDraft(boardId, { roundId: runoff.id, items: items.map((item, i) => (i === items.length - 1 ? { ...item, nextStep: '' } : item)) });
  await agreements.freeze(boardId);
  await agreements.saveDraft(boardId, { roundId: runoff.id, items });
}
