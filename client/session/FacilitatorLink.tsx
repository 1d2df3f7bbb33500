import { saveBlob } from '../app/saveBlob';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { CopyField } from '../app/CopyField';
import { boardLink } from './tokens';
import './session.css';

/**
 * The facilitator's own link, with the plain warning that it is the way back in: copy it, save it as a file
 * or mail it to yourself. The token is the one this browser holds, since the server keeps only its hash.
 */
export function FacilitatorLink({ title }: { title: string }) {
  const t = useT();
  const { boardId, token } = useBoard();
  const link = boardLink(boardId, token);
  const text = t('facilitatorLink.text', { title, link });
  const mailto = `mailto:?subject=${encodeURIComponent(t('facilitatorLink.mailSubject', { title }))}&body=${encodeURIComponent(text)}`;
  const save = () => saveBlob(new Blob([`${text}\n`], { type: 'text/plain;charset=utf-8' }), `${t('facilitatorLink.fileName')}-${boardId}.txt`);
  return (
    <div className="facilitator-link">
      <p className="facilitator-link-warning">{t('facilitatorLink.warning')}</p>
      <CopyField label={t('facilitatorLink.label')} value={link} />
      <div className="button-row">
        <button type="button" onClick={save}>
          {t('facilitatorLink.save')}
        </button>
        <a className="button-link" href={mailto}>
          {t('facilitatorLink.mail')}
        </a>
      </div>
    </div>
  );
}
