import { useCallback, useEffect, useState } from 'react';
import type { NewRegisterLink, RegisterLink, RegisterLinkBody } from '../../shared/register';
import { fetchRegisterLinks, mintRegisterLink, revokeRegisterLink } from '../api/serverApi';
import { CopyField } from '../app/CopyField';
import { describeFailure } from '../app/describeFailure';
import { useT } from '../app/i18n';

/** The facilitator's links into the register: one per owner, read-only ones for the steering group, each revocable. */
export function RegisterLinks({ boardId, token, owners }: { boardId: string; token: string; owners: string[] }) {
  const t = useT();
  const [links, setLinks] = useState<RegisterLink[]>([]);
  const [fresh, setFresh] = useState<NewRegisterLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => fetchRegisterLinks(boardId, token).then(setLinks, (failure: unknown) => setError(describeFailure(failure, t))), [boardId, token, t]);
  useEffect(() => void load(), [load]);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await load();
    } catch (failure) {
      setError(describeFailure(failure, t));
    }
  };
  const mint = (body: RegisterLinkBody) => act(async () => setFresh(await mintRegisterLink(boardId, token, body)));
  const label = (link: Pick<RegisterLink, 'kind' | 'owner'>) => (link.kind === 'owner' ? t('register.linkOwner', { owner: link.owner ?? '' }) : t('register.linkProgress'));

  return (
    <section className="register-section register-links panel" aria-labelledby="register-links">
      <h2 id="register-links">{t('register.links')}</h2>
      <p className="hint block">{t('register.linksHint')}</p>
      <div className="button-row">
        {owners.map((owner) => (
          <button key={owner} type="button" onClick={() => mint({ kind: 'owner', owner })}>
            {t('register.makeOwnerLink', { owner })}
          </button>
        ))}
        <button type="button" onClick={() => mint({ kind: 'progress' })}>
          {t('register.makeProgressLink')}
        </button>
      </div>
      {fresh && <CopyField label={`${t('register.newLink')}: ${label(fresh)}`} value={fresh.link} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {links.length > 0 && (
        <ul className="register-link-list">
          {links.map((link) => (
            <li key={link.id}>
              <span>{label(link)}</span>
              <button type="button" onClick={() => act(() => revokeRegisterLink(boardId, token, link.id))} aria-label={`${t('register.revoke')}: ${label(link)}`}>
                {t('register.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
