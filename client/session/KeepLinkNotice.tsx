import { useState } from 'react';
import { useT } from '../app/i18n';
import { FacilitatorLink } from './FacilitatorLink';
import { isJustCreated, keptLink } from './justCreated';

/** Greets the facilitator of a workshop just created in this tab with their link, until they say they kept it. */
export function KeepLinkNotice({ boardId, token, title }: { boardId: string; token: string; title: string }) {
  const t = useT();
  const [shown, setShown] = useState(() => isJustCreated(boardId));
  if (!shown) return null;
  const done = () => {
    keptLink(boardId);
    setShown(false);
  };
  return (
    <section className="panel keep-link" aria-labelledby="keep-link-heading">
      <h2 id="keep-link-heading">{t('facilitatorLink.heading')}</h2>
      <FacilitatorLink boardId={boardId} token={token} title={title} />
      <button type="button" className="primary" onClick={done}>
        {t('facilitatorLink.done')}
      </button>
    </section>
  );
}
