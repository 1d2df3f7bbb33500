import { useState } from 'react';
import { useT } from '../app/i18n';
import { useCommand } from '../kernel/commands/useCommand';
import type { Abilities } from '../kernel/abilities';
import { useBoard } from '../kernel/BoardContext';
import { PanelReadWhenOpened, useServerRead } from '../kernel/commands/PanelReadWhenOpened';
import { CoFacilitatorLinks } from './CoFacilitatorLinks';
import { DeleteBoard } from './DeleteBoard';
import { JoinAllowance } from './JoinAllowance';
import { LinkList } from './LinkList';
import './access.css';
import { CommandError } from '../kernel/commands/CommandError';

/**
 * Who can get in, for the facilitator: a new join code, the observer, projector and co-facilitator links with
 * revoke, and, apart at the end, deleting the whole workshop. A co-facilitator sees only what they may do. The
 * links are read when the panel opens, since the invitation panel can mint observer links meanwhile.
 */
export function AccessPanel({
  joinCode,
  title,
  abilities,
  onJoinCodeChanged,
}: {
  joinCode: string;
  title: string;
  abilities: Pick<Abilities, 'manageLinks' | 'deleteWorkshop'>;
  onJoinCodeChanged: () => void;
}) {
  const t = useT();
  const { api } = useBoard();
  const { value: links, reload, ...load } = useServerRead(api.fetchLinks);
  const [rotated, setRotated] = useState<string | null>(null);
  const rotate = useCommand();

  return (
    <PanelReadWhenOpened className="access-panel" heading={t('access.heading')} onOpen={reload}>
      {!abilities.manageLinks && <p className="muted">{t('access.coFacilitatorNote')}</p>}

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

      <JoinAllowance />

      <section aria-labelledby="access-observers-heading">
        <h3 id="access-observers-heading">{t('access.observersHeading')}</h3>
        <LinkList links={links?.observers ?? null} empty={t('access.noObservers')} onRevoked={reload} />
      </section>

      <section aria-labelledby="access-projectors-heading">
        <h3 id="access-projectors-heading">{t('access.projectorsHeading')}</h3>
        <LinkList links={links?.projectors ?? null} empty={t('access.noProjectors')} onRevoked={reload} />
      </section>

      {abilities.manageLinks && (
        <section aria-labelledby="access-co-heading">
          <h3 id="access-co-heading">{t('access.coHeading')}</h3>
          <CoFacilitatorLinks links={links?.coFacilitators ?? null} onChanged={reload} />
        </section>
      )}

      <CommandError failed={load.failed} refusal={load.refusal} fallback={t('people.failed')} />

      {abilities.deleteWorkshop && <DeleteBoard title={title} />}
    </PanelReadWhenOpened>
  );
}
