import '../results/results.css';
import './agree.css';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useAgreement, useRevealedRounds } from '../kernel/useRounds';
import { AgreementEditor } from './AgreementEditor';
import { AgreementStandingLine } from './AgreementStandingLine';
import { AgreementView } from './AgreementView';
import { FrozenVersions } from './FrozenVersions';
import { SignoffPanel } from '../signoff/SignoffPanel';
import type { StakeholderGroup } from '../../shared/groups';

interface Props {
  canEdit: boolean;
  canDownload: boolean;
  participantId: string | null;
  groups: readonly StakeholderGroup[];
}

/** The agree phase: the facilitator edits the final list, everyone else follows it; frozen versions and their sign-off below. */
export default function AgreePanel({ canEdit, canDownload, participantId, groups }: Props) {
  const t = useT();
  const { controlDoc } = useBoard();
  const revealed = useRevealedRounds(controlDoc);
  const { draft, versions, standing } = useAgreement(controlDoc);
  const signoff = <SignoffPanel canEdit={canEdit} participantId={participantId} groups={groups} />;
  return (
    <section className="panel agree" aria-labelledby="agree-heading">
      <h2 id="agree-heading">{t('agree.heading')}</h2>
      {draft && <AgreementStandingLine standing={standing} className={`agreement-standing agreement-standing-${standing.state}`} />}
      {/* A delegate finds the question first on their phone; the facilitator names delegates below the versions. */}
      {!canEdit && signoff}
      {canEdit ? <AgreementEditor revealed={revealed} nextVersion={versions.length + 1} savedDraft={draft} /> : <AgreementView draft={draft} />}
      <FrozenVersions versions={versions} canDownload={canDownload} />
      {canEdit && signoff}
    </section>
  );
}
