import type { StakeholderGroup } from '../../shared/groups';
import type { ParticipantInfo } from '../../shared/controlDoc';
import type { RoundState } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { turnoutLines } from './turnoutLines';

/** How many have voted, in all and per group as the round may show it (turnoutLines): never what. */
export function VoterProgress({ round, groups, participants }: { round: RoundState; groups: StakeholderGroup[]; participants: ReadonlyMap<string, ParticipantInfo> }) {
  const t = useT();
  const lines = turnoutLines(round, groups, participants);

  return (
    <div className="voter-progress" role="status">
      <p className="voter-total">{t('round.voted', { voted: round.voters.total, total: participants.size })}</p>
      {lines.length > 0 && (
        <ul className="voter-groups">
          {lines.map((line) => (
            <li key={line.id}>{t('round.votedInGroup', { group: line.name ?? t('results.otherGroups'), voted: line.voted, total: line.members })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
