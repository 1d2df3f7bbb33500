import { useState } from 'react';
import type { BoardSummary } from '../../shared/api';
import { useT } from '../app/i18n';
import { useQrCode } from '../app/useQrCode';
import { FacilitatorLink } from '../session/FacilitatorLink';
import { useBoard } from '../kernel/BoardContext';
import { CopyField } from '../app/CopyField';
import { useCommand } from '../kernel/commands/useCommand';
import './share.css';
import { CommandError } from '../kernel/commands/CommandError';

type Share = NonNullable<BoardSummary['share']>;

/**
 * What the facilitator puts on the wall: the participant link, the code (large), its QR code, and (`mintsLinks`:
 * the creator, not a co-facilitator) the observer link.
 */
export function SharePanel({ share, title, initiallyOpen, mintsLinks }: { share: Share; title: string; initiallyOpen: boolean; mintsLinks: boolean }) {
  const t = useT();
  const { api } = useBoard();
  const qr = useQrCode(share.links.participant);
  // Tokens are stored hashed, so an observer link cannot be shown again: each press makes a new one.
  const [observerLink, setObserverLink] = useState<string | null>(null);
  const observer = useCommand();
  const makeObserverLink = () =>
    observer.run(async () => setObserverLink((await api.createObserverLink()).link));
  return (
    <details className="panel share-panel" open={initiallyOpen}>
      <summary>{t('share.heading')}</summary>
      <div className="share-grid">
        <div className="share-code">
          <p className="share-code-label">{t('share.joinCode')}</p>
          <p className="join-code">{share.joinCode}</p>
          {qr && <img className="qr" src={qr} alt={t('share.qrAlt', { link: share.links.participant })} width={200} height={200} />}
        </div>
        <div className="share-links">
          <CopyField label={t('share.participantLink')} value={share.links.participant} />
          <CopyField label={t('share.joinCode')} value={share.joinCode} />
          {observerLink ? (
            <CopyField label={t('share.observerLink')} value={observerLink} />
          ) : (
            mintsLinks && (
              <button type="button" onClick={makeObserverLink} disabled={observer.busy}>
                {t('share.makeObserverLink')}
              </button>
            )
          )}
          <CommandError failed={observer.failed} refusal={observer.refusal} fallback={t('error.generic')} />
        </div>
      </div>
      <FacilitatorLink title={title} />
    </details>
  );
}
