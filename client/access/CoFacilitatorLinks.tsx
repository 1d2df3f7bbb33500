import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../shared/limits';
import type { NewLinkResponse, SharedLink } from '../../shared/peopleApi';
import { Field } from '../app/Field';
import { useT } from '../app/i18n';
import { CopyField } from '../app/CopyField';
import { useCommand } from '../kernel/commands/useCommand';
import { useBoard } from '../kernel/BoardContext';
import { LinkList } from './LinkList';
import { CommandError } from '../kernel/commands/CommandError';

/** Mint a named co-facilitator link (shown once: only its hash is stored), and revoke the ones given out. */
export function CoFacilitatorLinks({
  links,
  onChanged,
}: {
  links: SharedLink[] | null;
  onChanged: () => void;
}) {
  const t = useT();
  const { api } = useBoard();
  const [name, setName] = useState('');
  const [minted, setMinted] = useState<NewLinkResponse | null>(null);
  const mint = useCommand();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mint.run(async () => {
      setMinted(await api.mintCoFacilitatorLink(name.trim()));
      setName('');
      onChanged();
    });
  };

  return (
    <>
      <p className="muted">{t('access.coHint')}</p>
      <form className="access-form" onSubmit={submit}>
        <Field label={t('access.coName')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={LIMITS.maxName} />
        <button type="submit" className="primary" disabled={mint.busy || name.trim() === ''}>
          {t('access.coCreate')}
        </button>
      </form>
      <CommandError failed={mint.failed} refusal={mint.refusal} fallback={t('people.failed')} />
      {minted && (
        <div className="minted-link" role="status">
          <CopyField label={t('access.coLink', { name: minted.name })} value={minted.link} />
          <p className="muted">{t('access.coOnce', { name: minted.name })}</p>
        </div>
      )}
      <LinkList links={links} empty={t('access.noCo')} onRevoked={onChanged} />
    </>
  );
}
