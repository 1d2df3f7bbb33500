import { useEffect, useState } from 'react';
import type { BoardSummary } from '../../../shared/api';
import { createObserverLink } from '../../api/serverApi';
import { useT } from '../../app/i18n';
import { FacilitatorLink } from '../../session/FacilitatorLink';
import { CopyField } from './CopyField';
import { useCommand } from './useCommand';

type Share = NonNullable<BoardSummary['share']>;

/** What the facilitator puts on the wall: the participant link, the code (large), its QR code, and the observer link. */
export function SharePanel({ boardId, token, share, title, initiallyOpen }: { boardId: string; token: string; share: Share; title: string; initiallyOpen: boolean }) {
  const t = useT();
  const qr = useQrCode(share.links.participant);
  // Tokens are stored hashed, so an observer link cannot be shown again: each press makes a new one.
  const [observerLink, setObserverLink] = useState<string | null>(null);
  const observer = useCommand();
  const makeObserverLink = () =>
    observer.run(async () => setObserverLink((await createObserverLink(boardId, token)).link));
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
            <button type="button" onClick={makeObserverLink} disabled={observer.busy}>
              {t('share.makeObserverLink')}
            </button>
          )}
          {observer.failed && (
            <p className="form-error" role="alert">
              {t('error.generic')}
            </p>
          )}
        </div>
      </div>
      <FacilitatorLink boardId={boardId} token={token} title={title} />
    </details>
  );
}

/** An SVG data URL of the QR code; the encoder is loaded only by the facilitator's screen. */
function useQrCode(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qrcode) => qrcode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((svg) => live && setUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setUrl(null));
    return () => {
      live = false;
    };
  }, [text]);
  return url;
}
