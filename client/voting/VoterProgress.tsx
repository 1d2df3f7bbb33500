import type { StakeholderGroup } from '../../shared/groups';
import type { ParticipantInfo } from '../../shared/controlDoc';
import type { RoundState } from '../../shared/voting/types';
import { useT } from '../app/i18n';

/** How many have voted, in all and per group: never what. */
export function VoterProgress({ round, groups, participants }: { round: RoundState; groups: StakeholderGroup[]; participants: ReadonlyMap<string, ParticipantInfo> }) {
  const t = useT();
  const members = new Map<string, number>();
  for (const person of participants.values()) members.set(person.group, (members.get(person.group) ?? 0) + 1);
  const shown = groups.filter((group) => (members.get(group.id) ?? 0) > 0 || (round.voters.byGroup[group.id] ?? 0) > 0);

  return (
    <div className="voter-progress" role="status">
      <p className="voter-total">{t('round.voted', { voted: round.voters.total, total: participants.size })}</p>
      {shown.length > 0 && (
        <ul className="voter-groups">
          {shown.map((group) => (
            <li key={group.id}>
              {t('round.votedInGroup', { group: group.name, voted: round.voters.byGroup[group.id] ?? 0, total: members.get(group.id) ?? 0 })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
