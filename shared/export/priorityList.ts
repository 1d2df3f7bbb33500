import { isKept, mergedInto } from '../agreement.js';
import { FACILITATOR_ID } from '../controlDoc.js';
import { itemCards, looseCards } from '../cardMerge.js';
import { authorGroupAsShown, bucketName, OTHER_GROUPS } from '../voting/anonymity.js';
import { authorGroups, countByAuthorGroup } from '../voting/provenance.js';
import { groupsAsTallied, revealedRounds } from '../voting/revealed.js';
import type { RoundState, Tally, TallyItem } from '../voting/types.js';
import { tablesBehind } from '../tables/seating.js';
import { EXPORT_LABELS } from './labels.js';
import type { AgreementItem, ItemVotes, PriorityItem, PriorityList, PriorityListInput } from './types.js';

interface Entry {
  itemId: string;
  title: string;
  rank: number | null;
  owner: string;
  nextStep: string;
  merged: AgreementItem[];
}

/**
 * The list as read by someone who may not learn who wrote which card while cards are anonymous. A frozen version
 * keeps the groups it was frozen with, so they are taken out when it is read: every card's group and count becomes
 * that of an unknown author (authorGroups), and a card the facilitator wrote still says so.
 */
export function withoutAuthorGroups(list: PriorityList): PriorityList {
  return {
    ...list,
    items: list.items.map((item) => ({
      ...item,
      cards: item.cards.map((card) => ({ ...card, group: card.group === FACILITATOR_ID ? FACILITATOR_ID : null })),
      provenance: Object.fromEntries(Object.entries(item.provenance).filter(([group]) => group === FACILITATOR_ID)),
    })),
  };
}

/**
 * Turns a board into its ranked priority list, the one source of every export format.
 * With a frozen agreement: the agreed order, figures from the agreement's round, dropped items apart.
 * Without: the latest revealed round in raw rank order. Without a revealed round: the themes, then the
 * cards in no theme, unranked. A round that is not revealed never contributes, whatever tallies are passed.
 */
export function buildPriorityList(input: PriorityListInput): PriorityList {
  const { board, agreement } = input;
  const listed = agreement ?? input.draft;
  const round = figuresRound(input);
  const tally = round ? input.tallies[round.id] : undefined;
  const entries = listed ? agreedEntries(listed.items) : tally ? rankedEntries(tally) : collectedEntries(input);

  const talliedItems = new Map<string, TallyItem>(tally?.items.map((item) => [item.id, item]));
  const clusterIds = new Set(input.clusters.map((cluster) => cluster.id));
  // Next to an anonymous round's figures, authors count under the groups the round shows (anonymity.ts).
  const asShown = tally ? authorGroupAsShown(tally) : (group: string) => group;
  const authors = input.participants.map((participant) => ({ id: participant.id, group: asShown(participant.group) }));
  const groupOf = authorGroups(authors);
  const groups = groupsAsTallied(board.groups, tally);
  // The bucket is named by every group it stands for: those merged for the figures and those of authors counted in it.
  const bucketGroups = groups
    .map((group) => group.id)
    .filter((id) => tally?.merged?.includes(id) || input.participants.some((participant) => participant.group === id && asShown(id) === OTHER_GROUPS));
  const cardsOf = itemCards(input.cards);

  const items = entries.map((entry): PriorityItem => {
    const cards = [entry.itemId, ...entry.merged.map((merged) => merged.itemId)].flatMap(cardsOf);
    const tallied = talliedItems.get(entry.itemId);
    return {
      rank: entry.rank,
      itemId: entry.itemId,
      kind: tallied?.kind ?? (clusterIds.has(entry.itemId) ? 'theme' : 'card'),
      title: entry.title,
      cards: cards.map((card) => ({ title: card.title, body: card.bodyText, group: groupOf(card.author) })),
      mergedFrom: entry.merged.map(({ itemId, title }) => ({ itemId, title })),
      votes: tallied ? publishedVotes(tallied) : null,
      provenance: countByAuthorGroup(cards, authors),
      ...tablesOf(cards),
      owner: entry.owner,
      nextStep: entry.nextStep,
    };
  });

  return {
    schemaVersion: 2,
    board: {
      title: board.title,
      question: board.question,
      language: board.language,
      ...(input.exportedAt === undefined ? {} : { exportedAt: input.exportedAt }),
    },
    status: agreement ? 'agreed' : listed ? 'draft' : tally ? 'not-agreed' : 'no-results',
    version: agreement?.version ?? null,
    frozenAt: agreement?.frozenAt ?? null,
    roundId: round?.id ?? null,
    roundNumber: round?.number ?? null,
    groups: [
      ...groups,
      ...[...new Set([...(tally?.groups ?? []), ...(items.some((item) => OTHER_GROUPS in item.provenance) ? [OTHER_GROUPS] : [])])]
        .filter((id) => !groups.some((group) => group.id === id))
        .map((id) => ({ id, name: id === OTHER_GROUPS ? bucketName(bucketGroups, (group) => groups.find((g) => g.id === group)!.name, EXPORT_LABELS[board.language].otherGroups) : id })),
    ],
    votingGroups: tally?.groups ?? [],
    participantsPerGroup: participantsPerGroup(input),
    voters: tally?.voters ?? null,
    items,
    dropped: (listed?.items ?? [])
      .filter((item) => item.dropped)
      .map((item) => ({ itemId: item.itemId, title: item.title, reason: item.dropped!.reason })),
  };
}

/** The revealed round the list takes its figures from: the agreement's (or draft's), else the latest. */
function figuresRound(input: PriorityListInput): RoundState | undefined {
  const revealed = revealedRounds(input.rounds, (roundId) => input.tallies[roundId]).map(({ round }) => round);
  const listed = input.agreement ?? input.draft;
  if (listed) return revealed.find((round) => round.id === listed.roundId);
  return revealed.at(-1);
}

function agreedEntries(agreed: AgreementItem[]): Entry[] {
  const kept = agreed.filter(isKept);
  return kept.map((item, index) => ({
    itemId: item.itemId,
    title: item.title,
    rank: index + 1,
    owner: item.owner,
    nextStep: item.nextStep,
    merged: mergedInto(agreed, item.itemId),
  }));
}

function rankedEntries(tally: Tally): Entry[] {
  return tally.items.map((item) => ({ itemId: item.id, title: item.title, rank: item.rank, owner: '', nextStep: '', merged: [] }));
}

function collectedEntries(input: PriorityListInput): Entry[] {
  const clusterIds = new Set(input.clusters.map((cluster) => cluster.id));
  return [
    ...input.clusters.map((cluster) => ({ itemId: cluster.id, title: cluster.title })),
    ...looseCards(input.cards, clusterIds).map((card) => ({ itemId: card.id, title: card.title })),
  ].map((item) => ({ ...item, rank: null, owner: '', nextStep: '', merged: [] }));
}

/** Picks the published figures field by field, so per-person data of a named round never reaches an export. */
function publishedVotes(item: TallyItem): ItemVotes {
  const { total, byGroup, balanced, consensus, contested, rank, balancedRank } = item;
  return { total, byGroup, balanced, consensus, contested, rank, balancedRank };
}

function participantsPerGroup(input: PriorityListInput): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(input.board.groups.map((group) => [group.id, 0]));
  for (const participant of input.participants) counts[participant.group] = (counts[participant.group] ?? 0) + 1;
  return counts;
}

/** Which breakout tables wrote these cards; nothing for cards that never sat at a table. */
function tablesOf(cards: PriorityListInput['cards']): Pick<PriorityItem, 'tables'> {
  const tables = tablesBehind(cards);
  return tables.length === 0 ? {} : { tables };
}
