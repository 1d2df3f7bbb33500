import { useState } from 'react';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { FacilitatorLink } from './FacilitatorLink';
import { isJustCreated, keptLink } from './justCreated';
import './session.css';

/** Greets the facilitator of a workshop just created in this tab with their link, until they say they kept it. */
export function KeepLinkNotice({ title }: { title: string }) {
  const t = useT();
  const { boardId } = useBoard();
  const [shown, setShown] = useState(() => isJustCreated(boardId));
  if (!shown) return null;
  const done = () => {
    keptLink(boardId);
    setShown(false);
  };
  return (
    <section className="panel keep-link" aria-labelledby="keep-link-heading">
      <h2 id="keep-link-heading">{t('facilitatorLink.heading')}</h2>
      <FacilitatorLink title={title} />
      <button type="button" className="primary" onClick={done}>
        {t('facilitatorLink.done')}
      </button>
    </section>
  );
}
