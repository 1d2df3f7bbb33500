import './signoff.css';
import type { ParticipantInfo } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import type { SignoffOutcome } from '../../shared/signoff';
import { useT } from '../app/i18n';

interface Props {
  outcome: SignoffOutcome;
  groups: readonly StakeholderGroup[];
  participants: ReadonlyMap<string, ParticipantInfo>;
}

/** Group by group, who signed and how, under the rule as it is stated; the same on the board and the projector. */
export function SignoffStatus({ outcome, groups, participants }: Props) {
  const t = useT();
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? id;
  return (
    <div className="signoff-status">
      <p className="signoff-rule">{t(`signoff.rule.${outcome.rule}`)}</p>
      <p className={outcome.met ? 'signoff-outcome met' : 'signoff-outcome'} role="status">
        {t(outcome.met ? 'signoff.met' : 'signoff.notMet')}
      </p>
      <ul className="signoff-groups">
        {outcome.groups.map(({ group, standing, delegates }) => (
          <li key={group} className={`signoff-group standing-${standing}`}>
            <p className="signoff-group-line">
              <span className="signoff-group-name">{groupName(group)}</span>
              <span className="signoff-standing">{t(`signoff.standing.${standing}`)}</span>
            </p>
            <ul className="signoff-delegates">
              {delegates.map(({ participantId, decision }) => (
                <li key={participantId}>
                  {decision?.name ?? participants.get(participantId)?.name}
                  {': '}
                  {decision ? t(`signoff.decision.${decision.decision}`) : t('signoff.waiting')}
                  {decision?.reason && <span className="signoff-reason"> — {decision.reason}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
