import { countsTowardThreshold, groupsAsShown, mergedGroups, OTHER_GROUPS } from './anonymity.js';
import { contestedItems } from './contested.js';
import { balancedScore, consensus, groupShares, type GroupDots } from './groupBalance.js';
import { rankItems } from './ranking.js';
import type { CastBallot, PersonDots, RoundItem, RoundSettings, Tally } from './types.js';

export interface TallyInput {
  roundId: string;
  items: readonly RoundItem[];
  settings: RoundSettings;
  ballots: readonly CastBallot[];
  /** The board's groups; they give the order of the shown groups. */
  groups: ReadonlyArray<{ id: string; name: string }>;
}

/** The result of a round, as the server publishes it on reveal. */
export function tallyRound(input: TallyInput): Tally {
  const { roundId, items, settings, ballots } = input;
  const itemIds = items.map((item) => item.id);

  const voters = new Map<string, number>();
  const counted = new Map<string, number>();
  for (const ballot of ballots) {
    voters.set(ballot.group, (voters.get(ballot.group) ?? 0) + 1);
    counted.set(ballot.group, (counted.get(ballot.group) ?? 0) + Number(countsTowardThreshold(ballot)));
  }
  const inBoardOrder = new Map(groupsInBoardOrder(input.groups, [...voters.keys()]).map((group) => [group, counted.get(group)!]));
  const shownAs = groupsAsShown(inBoardOrder, settings.anonymous);
  const merged = mergedGroups(shownAs);
  const shownGroups = [...new Set(shownAs.values())].sort((a, b) => Number(a === OTHER_GROUPS) - Number(b === OTHER_GROUPS));

  const votersByGroup = zeroFor(shownGroups);
  for (const [group, count] of voters) votersByGroup[shownAs.get(group)!]! += count;
  const dots: GroupDots = new Map(shownGroups.map((group) => [group, zeroFor(itemIds)]));
  for (const ballot of ballots) {
    const counts = dots.get(shownAs.get(ballot.group)!)!;
    for (const itemId of itemIds) counts[itemId]! += ballot.allocations[itemId] ?? 0;
  }
  const shares = groupShares(dots);
  const contested = contestedItems({ dots, voters: votersByGroup, cap: settings.cap }, itemIds);

  const unranked = items.map((item) => {
    const byGroup = Object.fromEntries(shownGroups.map((group) => [group, dots.get(group)![item.id]!]));
    const agreement = consensus(shares, item.id);
    return {
      id: item.id,
      kind: item.kind,
      title: item.title,
      total: Object.values(byGroup).reduce((sum, n) => sum + n, 0),
      byGroup,
      balanced: roundTo(balancedScore(shares, item.id), 1),
      consensus: agreement === null ? null : roundTo(agreement, 2),
      contested: contested.has(item.id),
    };
  });

  return {
    roundId,
    anonymous: settings.anonymous,
    groups: shownGroups,
    ...(merged.length > 0 ? { merged } : {}),
    // Every group of the board, voters or not: which names are kept must not tell which groups voted.
    groupNames: Object.fromEntries(input.groups.map((group) => [group.id, group.name])),
    voters: { total: ballots.length, byGroup: votersByGroup },
    items: rankItems(unranked),
  };
}

/** Board groups first, in their order; a group the board no longer lists follows, by id. */
function groupsInBoardOrder(boardGroups: TallyInput['groups'], present: string[]): string[] {
  const known = boardGroups.map((group) => group.id).filter((id) => present.includes(id));
  const unknown = present.filter((id) => !known.includes(id)).sort();
  return [...known, ...unknown];
}

/**
 * Each voter's dots of a named round, by item in the round's order; voters who gave none are left out. Never part of
 * the tally, which every link can read: only the facilitator's own request gets it (docs/privacy.md).
 */
export function dotsPerPerson(items: readonly RoundItem[], ballots: readonly CastBallot[]): PersonDots[] {
  return ballots.flatMap((ballot) => {
    const dots = items.flatMap((item) => ((ballot.allocations[item.id] ?? 0) > 0 ? [{ itemId: item.id, dots: ballot.allocations[item.id]! }] : []));
    return dots.length > 0 ? [{ participantId: ballot.participantId, dots }] : [];
  });
}

function zeroFor(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, 0]));
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
