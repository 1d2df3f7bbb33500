import { useCallback, useState } from 'react';
import type { LinksResponse } from '../../shared/peopleApi';
import { useT } from '../app/i18n';
import { useCommand } from '../kernel/commands/useCommand';
import { useBoard } from '../kernel/BoardContext';
import { CoFacilitatorLinks } from './CoFacilitatorLinks';
import { DeleteBoard } from './DeleteBoard';
import { LinkList } from './LinkList';
import './access.css';
import { CommandError } from '../kernel/commands/CommandError';

/**
 * Who can get in, for the facilitator: a new join code, the observer and co-facilitator links with revoke,
 * and, apart at the end, deleting the whole workshop. The links are read when the panel opens, since the
 * invitation panel can mint observer links meanwhile.
 */
export function AccessPanel({
  joinCode,
  title,
  onJoinCodeChanged,
}: {
  joinCode: string;
  title: string;
  onJoinCodeChanged: () => void;
}) {
  const t = useT();
  const { api } = useBoard();
  const [links, setLinks] = useState<LinksResponse | null>(null);
  const [rotated, setRotated] = useState<string | null>(null);
  const load = useCommand();
  const rotate = useCommand();
  const reload = useCallback(() => load.run(async () => setLinks(await api.fetchLinks())), [load.run, api]);

  return (
    <details
      className="panel access-panel"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) reload();
      }}
    >
      <summary>{t('access.heading')}</summary>

      <section aria-labelledby="access-code-heading">
        <h3 id="access-code-heading">{t('access.joinCodeHeading')}</h3>
        <p>{t('access.currentCode', { code: rotated ?? joinCode })}</p>
        <p className="muted" id="access-rotate-hint">
          {t('access.rotateHint')}
        </p>
        <button
          type="button"
         
          aria-describedby="access-rotate-hint"
          disabled={rotate.busy}
          onClick={() =>
            rotate.run(async () => {
              const answer = await api.rotateJoinCode();
              setRotated(answer.joinCode);
              onJoinCodeChanged();
            })
          }
        >
          {t('access.rotate')}
        </button>
        <p role="status" className="panel-status">
          {rotated ? t('access.rotated', { code: rotated }) : ''}
        </p>
        <CommandError failed={rotate.failed} refusal={rotate.refusal} fallback={t('people.failed')} />
      </section>

      <section aria-labelledby="access-observers-heading">
        <h3 id="access-observers-heading">{t('access.observersHeading')}</h3>
        <LinkList links={links?.observers ?? null} empty={t('access.noObservers')} onRevoked={reload} />
      </section>

      <section aria-labelledby="access-co-heading">
        <h3 id="access-co-heading">{t('access.coHeading')}</h3>
        <CoFacilitatorLinks links={links?.coFacilitators ?? null} onChanged={reload} />
      </section>

      <CommandError failed={load.failed} refusal={load.refusal} fallback={t('people.failed')} />

      <DeleteBoard title={title} />
    </details>
  );
}
