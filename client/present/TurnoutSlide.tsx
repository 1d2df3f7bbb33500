import type * as Y from 'yjs';
import type { StakeholderGroup } from '../../shared/groups';
import { useT } from '../app/i18n';
import { useParticipants } from '../board/useBoardData';
import { useRounds } from '../voting/useRounds';

/** While voting: how many have voted, overall and by group, and never what. */
export function TurnoutSlide({ controlDoc, groups }: { controlDoc: Y.Doc; groups: StakeholderGroup[] }) {
  const t = useT();
  const rounds = useRounds(controlDoc);
  const participants = useParticipants(controlDoc);
  const round = rounds.at(-1);
  if (!round || round.state === 'revealed') return <p className="slide projector-hint">{t('present.noRound')}</p>;

  const total = participants.size;
  const voted = round.voters.total;
  const members = new Map<string, number>();
  for (const person of participants.values()) members.set(person.group, (members.get(person.group) ?? 0) + 1);
  const turnout = t('present.turnout', { voted, total });

  return (
    <div className="slide turnout-slide">
      <p className="big-number" role="status">
        {turnout}
      </p>
      <meter className="turnout-meter" min={0} max={Math.max(total, 1)} value={voted} aria-label={turnout} />
      <ul className="group-counts">
        {groups
          .filter((group) => members.has(group.id))
          .map((group) => (
            <li key={group.id}>
              <span>{group.name}</span> <strong>{t('present.turnout', { voted: round.voters.byGroup[group.id] ?? 0, total: members.get(group.id) ?? 0 })}</strong>
            </li>
          ))}
      </ul>
      {round.state === 'closed' && <p className="projector-hint">{t('present.votingClosed')}</p>}
    </div>
  );
}
