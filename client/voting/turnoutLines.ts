import type { ParticipantInfo } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { bucketName, OTHER_GROUPS } from '../../shared/voting/anonymity';
import type { RoundState } from '../../shared/voting/types';

export interface TurnoutLine {
  id: string;
  /** The group's name; null for a bucket whose groups are not named, which the caller names in the reader's language. */
  name: string | null;
  voted: number;
  members: number;
}

/**
 * A round's turnout per group, as the room may see it. In an anonymous round the server groups the voters as the
 * tally will (turnoutAsShown); the bucket's line counts everyone not listed apart and is named by their groups, so no
 * group below the threshold gets a line of its own. A named round lists every group with members or voters.
 */
export function turnoutLines(round: RoundState, groups: readonly StakeholderGroup[], participants: ReadonlyMap<string, ParticipantInfo>): TurnoutLine[] {
  const members = new Map<string, number>();
  for (const person of participants.values()) members.set(person.group, (members.get(person.group) ?? 0) + 1);
  const byGroup = round.voters.byGroup;
  const anonymous = round.settings.anonymous;
  const apart = groups.filter((group) => (anonymous ? group.id in byGroup : (members.get(group.id) ?? 0) > 0 || (byGroup[group.id] ?? 0) > 0));
  const lines: TurnoutLine[] = apart.map((group) => ({ id: group.id, name: group.name, voted: byGroup[group.id] ?? 0, members: members.get(group.id) ?? 0 }));
  if (!anonymous) return lines;
  const listed = new Set(apart.map((group) => group.id));
  const inBucket = groups.filter((group) => !listed.has(group.id) && (members.get(group.id) ?? 0) > 0);
  const bucketMembers = [...members].filter(([group]) => !listed.has(group)).reduce((sum, [, count]) => sum + count, 0);
  const name = inBucket.length > 0 ? bucketName(inBucket.map((group) => group.id), (id) => groups.find((group) => group.id === id)!.name, '') : null;
  if (bucketMembers > 0 || (byGroup[OTHER_GROUPS] ?? 0) > 0) lines.push({ id: OTHER_GROUPS, name, voted: byGroup[OTHER_GROUPS] ?? 0, members: bucketMembers });
  return lines;
}
