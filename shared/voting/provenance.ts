import { FACILITATOR_ID } from '../controlDoc.js';

export interface AuthoredCard {
  id: string;
  author: string;
  cluster: string | null;
}

export interface GroupMember {
  id: string;
  group: string;
}

/** Which groups' cards make up a theme: groupId → number of cards. Cards of the facilitator count under "facilitator". */
export function provenance(
  cards: readonly AuthoredCard[],
  participants: readonly GroupMember[],
  clusterId: string,
): Record<string, number> {
  return countByAuthorGroup(
    cards.filter((card) => card.cluster === clusterId),
    participants,
  );
}

/** groupId → number of cards, for any set of cards. A card whose author is unknown is not counted. */
export function countByAuthorGroup(
  cards: ReadonlyArray<{ author: string }>,
  participants: readonly GroupMember[],
): Record<string, number> {
  const groupOf = authorGroups(participants);
  const counts: Record<string, number> = {};
  for (const card of cards) {
    const group = groupOf(card.author);
    if (group !== null) counts[group] = (counts[group] ?? 0) + 1;
  }
  return counts;
}

/** Looks up the group of a card's author: a participant's group, "facilitator", or null for an unknown author. */
export function authorGroups(participants: readonly GroupMember[]): (author: string) => string | null {
  const groups = new Map(participants.map((participant) => [participant.id, participant.group]));
  return (author) => (author === FACILITATOR_ID ? FACILITATOR_ID : (groups.get(author) ?? null));
}
