import type { StakeholderGroup } from '../../shared/groups';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useParticipants } from '../kernel/useBoardData';
import { turnoutLines } from '../voting/turnoutLines';
import { useRounds } from '../kernel/useRounds';

/** While voting: how many have voted, overall and by group, and never what. */
export function TurnoutSlide({ groups }: { groups: StakeholderGroup[] }) {
  const { controlDoc } = useBoard();
  const t = useT();
  const rounds = useRounds(controlDoc);
  const participants = useParticipants(controlDoc);
  const round = rounds.at(-1);
  if (!round || round.state === 'revealed') return <p className="slide projector-hint">{t('present.noRound')}</p>;

  const total = participants.size;
  const voted = round.voters.total;
  const turnout = t('present.turnout', { voted, total });

  return (
    <div className="slide turnout-slide">
      <p className="big-number" role="status">
        {turnout}
      </p>
      <meter className="turnout-meter" min={0} max={Math.max(total, 1)} value={voted} aria-label={turnout} />
      <ul className="group-counts">
        {/* An anonymous round shows no group of fewer than 3 voters apart, on the wall neither. */}
        {turnoutLines(round, groups, participants)
          .filter((line) => line.members > 0)
          .map((line) => (
            <li key={line.id}>
              <span>{line.name ?? t('results.otherGroups')}</span> <strong>{t('present.turnout', { voted: line.voted, total: line.members })}</strong>
            </li>
          ))}
      </ul>
      {round.state === 'closed' && <p className="projector-hint">{t('present.votingClosed')}</p>}
    </div>
  );
}
