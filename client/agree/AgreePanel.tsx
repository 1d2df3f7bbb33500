import type * as Y from 'yjs';
import { useT } from '../app/i18n';
import { useAgreement, useRevealedRounds } from '../voting/useRounds';
import { AgreementEditor } from './AgreementEditor';
import { AgreementView } from './AgreementView';
import { FrozenVersions } from './FrozenVersions';

interface Props {
  boardId: string;
  token: string;
  controlDoc: Y.Doc;
  canEdit: boolean;
  canDownload: boolean;
}

/** The agree phase: the facilitator edits the final list, everyone else follows it; frozen versions below. */
export default function AgreePanel({ boardId, token, controlDoc, canEdit, canDownload }: Props) {
  const t = useT();
  const revealed = useRevealedRounds(controlDoc);
  const { draft, versions } = useAgreement(controlDoc);
  return (
    <section className="panel agree" aria-labelledby="agree-heading">
      <h2 id="agree-heading">{t('agree.heading')}</h2>
      {canEdit ? <AgreementEditor boardId={boardId} token={token} revealed={revealed} nextVersion={versions.length + 1} savedDraft={draft} /> : <AgreementView draft={draft} />}
      <FrozenVersions boardId={boardId} token={token} versions={versions} canDownload={canDownload} />
    </section>
  );
}
