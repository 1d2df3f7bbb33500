import { balancedScore, consensus, contestedItems, groupShares, type GroupDots } from './groupBalance.js';
import { rankItems } from './ranking.js';
import type { CastBallot, RoundItem, RoundSettings, Tally } from './types.js';

/** Stands for the groups an anonymous round does not show on their own. Ids from groupsFromNames never contain "_". */
export const OTHER_GROUPS = '__other';

/**
 * In an anonymous round a group with fewer voters than this is merged into OTHER_GROUPS: the presence
 * list tells the room who is in which group, and the total of one or two people is all but their ballot.
 * The merged bucket is shown even when it holds only one or two voters: it names no group, and the shown
 * figures still add up to the totals. The price: when a single group was merged, whoever knows which
 * groups took part can tell that the bucket is that group.
 */
export const MIN_SHOWN_GROUP_SIZE = 3;

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
  for (const ballot of ballots) voters.set(ballot.group, (voters.get(ballot.group) ?? 0) + 1);
  const shownAs = (group: string) =>
    settings.anonymous && (voters.get(group) ?? 0) < MIN_SHOWN_GROUP_SIZE ? OTHER_GROUPS : group;
  const votingGroups = groupsInBoardOrder(input.groups, [...voters.keys()]);
  const shownGroups = votingGroups.filter((group) => shownAs(group) === group);
  if (shownGroups.length < votingGroups.length) shownGroups.push(OTHER_GROUPS);

  const dots: GroupDots = new Map();
  for (const ballot of ballots) {
    const counts = dots.get(ballot.group) ?? zeroFor(itemIds);
    for (const itemId of itemIds) counts[itemId]! += ballot.allocations[itemId] ?? 0;
    dots.set(ballot.group, counts);
  }
  const shares = groupShares(dots);
  const contested = contestedItems(shares, itemIds);

  const votersByGroup = zeroFor(shownGroups);
  for (const [group, count] of voters) votersByGroup[shownAs(group)]! += count;

  const unranked = items.map((item) => {
    const byGroup = zeroFor(shownGroups);
    for (const [group, counts] of dots) byGroup[shownAs(group)]! += counts[item.id]!;
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
      ...(settings.anonymous ? {} : { byPerson: dotsByPerson(ballots, item.id) }),
    };
  });

  return {
    roundId,
    anonymous: settings.anonymous,
    groups: shownGroups,
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

function dotsByPerson(ballots: readonly CastBallot[], itemId: string): Record<string, number> {
  const byPerson: Record<string, number> = {};
  for (const ballot of ballots) {
    const dots = ballot.allocations[itemId] ?? 0;
    if (dots > 0) byPerson[ballot.participantId] = dots;
  }
  return byPerson;
}

function zeroFor(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, 0]));
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
