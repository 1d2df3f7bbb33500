import './signoff.css';
import type { StakeholderGroup } from '../../shared/groups';
import { useT } from '../app/i18n';
import { DelegateSign } from './DelegateSign';
import { SignoffSetupForm } from './SignoffSetupForm';
import { SignoffStatus } from './SignoffStatus';
import { useSignoff } from './useSignoff';

interface Props {
  canEdit: boolean;
  /** This person's id when they joined as a participant: a delegate signs here. */
  participantId: string | null;
  groups: readonly StakeholderGroup[];
}

/** The sign-off in the agree phase: the facilitator names delegates and the rule; delegates sign; everyone follows it. */
export function SignoffPanel({ canEdit, participantId, groups }: Props) {
  const t = useT();
  const { shown, outcome, participants } = useSignoff(groups);
  const own = outcome?.groups.flatMap((g) => g.delegates.map((d) => ({ ...d, group: g.group }))).find((d) => d.participantId === participantId);
  const signing = outcome !== null && outcome.groups.length > 0;
  if (!canEdit && !signing) return null;
  return (
    <section className="signoff" aria-labelledby="signoff-heading">
      <h3 id="signoff-heading">{t('signoff.heading')}</h3>
      {canEdit && <SignoffSetupForm setup={shown} groups={groups} participants={participants} />}
      {outcome && own && <DelegateSign version={outcome.version} groupName={groups.find((g) => g.id === own.group)?.name ?? own.group} decided={own.decision} />}
      {signing ? (
        <>
          <h4>{t('signoff.version', { version: outcome.version })}</h4>
          <SignoffStatus outcome={outcome} groups={groups} participants={participants} />
        </>
      ) : (
        <p className="hint">{t('signoff.noDelegates')}</p>
      )}
    </section>
  );
}
