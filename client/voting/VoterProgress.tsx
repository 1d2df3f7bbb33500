import type { StakeholderGroup } from '../../shared/groups';
import type { ParticipantInfo } from '../../shared/controlDoc';
import { OTHER_GROUPS } from '../../shared/voting/anonymity';
import type { RoundState } from '../../shared/voting/types';
import { useT } from '../app/i18n';

/**
 * How many have voted, in all and per group: never what. In an anonymous round the server counts a group of
 * fewer than 3 voters under the "smaller groups combined" bucket; its line counts everyone not listed apart.
 */
export function VoterProgress({ round, groups, participants }: { round: RoundState; groups: StakeholderGroup[]; participants: ReadonlyMap<string, ParticipantInfo> }) {
  const t = useT();
  const members = new Map<string, number>();
  for (const person of participants.values()) members.set(person.group, (members.get(person.group) ?? 0) + 1);
  const anonymous = round.settings.anonymous;
  const shown = groups.filter((group) =>
    anonymous ? group.id in round.voters.byGroup : (members.get(group.id) ?? 0) > 0 || (round.voters.byGroup[group.id] ?? 0) > 0,
  );
  const shownIds = new Set(shown.map((group) => group.id));
  const bucketMembers = anonymous ? [...members].filter(([group]) => !shownIds.has(group)).reduce((sum, [, count]) => sum + count, 0) : 0;

  return (
    <div className="voter-progress" role="status">
      <p className="voter-total">{t('round.voted', { voted: round.voters.total, total: participants.size })}</p>
      {(shown.length > 0 || bucketMembers > 0) && (
        <ul className="voter-groups">
          {shown.map((group) => (
            <li key={group.id}>
              {t('round.votedInGroup', { group: group.name, voted: round.voters.byGroup[group.id] ?? 0, total: members.get(group.id) ?? 0 })}
            </li>
          ))}
          {bucketMembers > 0 && (
            <li>{t('round.votedInGroup', { group: t('results.otherGroups'), voted: round.voters.byGroup[OTHER_GROUPS] ?? 0, total: bucketMembers })}</li>
          )}
        </ul>
      )}
    </div>
  );
}
