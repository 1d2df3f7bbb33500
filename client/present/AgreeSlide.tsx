import { isKept } from '../../shared/agreement';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { AgreementStandingLine } from '../agree/AgreementStandingLine';
import { useAgreement } from '../kernel/useRounds';
import { listColumns } from './listColumns';
import { SignoffSlide } from './SignoffSlide';
import { useSignoff } from '../signoff/useSignoff';
import type { StakeholderGroup } from '../../shared/groups';

/**
 * While agreeing: the list in its current order, numbered, with owners and next steps as they are typed, and
 * whether it is a frozen version as it stands; once a version is frozen and delegates are named, their sign-off.
 */
export function AgreeSlide({ groups }: { groups: readonly StakeholderGroup[] }) {
  const { controlDoc } = useBoard();
  const t = useT();
  const { draft, standing } = useAgreement(controlDoc);
  const { outcome, participants } = useSignoff(groups);
  if (outcome && outcome.groups.length > 0) return <SignoffSlide outcome={outcome} groups={groups} participants={participants} />;
  const kept = draft?.items.filter(isKept) ?? [];
  return (
    <div className="slide agree-slide">
      <div className="agree-slide-head">
        <h2>{t('present.agreeHeading')}</h2>
        {/* The room should not take a list still being worked on for the one agreed. */}
        {kept.length > 0 && (
          <AgreementStandingLine standing={standing} className={`projector-agree-state${standing.state === 'frozen' ? '' : ' projector-agree-draft'}`} />
        )}
      </div>
      {kept.length === 0 ? (
        <p className="projector-hint">{t('present.agreeEmpty')}</p>
      ) : (
        <ol {...listColumns('projector-agreed', kept.length)}>
          {kept.map((item, index) => (
            <li key={item.itemId}>
              <p className="projector-item-title">
                <span className="rank">{index + 1}.</span> {item.title}
              </p>
              {(item.owner || item.nextStep) && <p className="projector-count">{[item.owner, item.nextStep].filter(Boolean).join(' — ')}</p>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
