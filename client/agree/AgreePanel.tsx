import '../results/results.css';
import './agree.css';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useAgreement, useRevealedRounds } from '../kernel/useRounds';
import { AgreementEditor } from './AgreementEditor';
import { AgreementView } from './AgreementView';
import { FrozenVersions } from './FrozenVersions';

interface Props {
  canEdit: boolean;
  canDownload: boolean;
}

/** The agree phase: the facilitator edits the final list, everyone else follows it; frozen versions below. */
export default function AgreePanel({ canEdit, canDownload }: Props) {
  const t = useT();
  const { controlDoc } = useBoard();
  const revealed = useRevealedRounds(controlDoc);
  const { draft, versions } = useAgreement(controlDoc);
  return (
    <section className="panel agree" aria-labelledby="agree-heading">
      <h2 id="agree-heading">{t('agree.heading')}</h2>
      {canEdit ? <AgreementEditor revealed={revealed} nextVersion={versions.length + 1} savedDraft={draft} /> : <AgreementView draft={draft} />}
      <FrozenVersions versions={versions} canDownload={canDownload} />
    </section>
  );
}
