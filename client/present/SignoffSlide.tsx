import type { StakeholderGroup } from '../../shared/groups';
import type { SignoffOutcome } from '../../shared/signoff';
import type { ParticipantInfo } from '../../shared/controlDoc';
import { useT } from '../app/i18n';
import { SignoffStatus } from '../signoff/SignoffStatus';

interface Props {
  outcome: SignoffOutcome;
  groups: readonly StakeholderGroup[];
  participants: ReadonlyMap<string, ParticipantInfo>;
}

/** After freezing: the room sees each group's delegates sign, group by group, and whether the rule is met. */
export function SignoffSlide({ outcome, groups, participants }: Props) {
  const t = useT();
  return (
    <div className="slide signoff-slide">
      <h2>
        {t('signoff.heading')} · {t('signoff.version', { version: outcome.version })}
      </h2>
      <SignoffStatus outcome={outcome} groups={groups} participants={participants} />
    </div>
  );
}
