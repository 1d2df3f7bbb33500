import type { Phase } from '../../shared/phases';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCommand } from '../kernel/commands/useCommand';
import { useRevealedRounds } from '../kernel/useRounds';
import { projectorLink } from './projectorLink';
import { usePresentation } from './usePresentation';
import './present-controls.css';
import { CommandError } from '../kernel/commands/CommandError';

interface Props {
  phase: Phase;
}

/** The facilitator's side of the projector: the button that opens it and, in results, the ranking's next step. */
export function PresentControls({ phase }: Props) {
  const t = useT();
  const { boardId, api } = useBoard();
  const opening = useCommand();
  const open = () => {
    // Opened within the click, so no popup blocker stops it; the address follows once the link is there.
    const projector = window.open('', `forumboard-projector-${boardId}`);
    if (!projector) return;
    projector.opener = null;
    opening.run(async () => {
      try {
        const link = await projectorLink(api, boardId);
        // A projector already open on this page would only take the new fragment: it reloads to read the token.
        const reopened = projector.location.pathname === new URL(link, location.href).pathname;
        projector.location.href = link;
        if (reopened) projector.location.reload();
      } catch (err) {
        projector.close();
        throw err;
      }
    });
  };
  return (
    <div className="present-controls">
      <button type="button" onClick={open} disabled={opening.busy} aria-label={t('present.openLabel')}>
        {t('present.open')} <span aria-hidden="true">↗</span>
      </button>
      <CommandError failed={opening.failed} refusal={opening.refusal} fallback={t('present.openFailed')} />
      {phase === 'results' && <RankingSteps />}
    </div>
  );
}

function RankingSteps() {
  const t = useT();
  const { api, controlDoc } = useBoard();
  const latest = useRevealedRounds(controlDoc).at(-1);
  const presentation = usePresentation(controlDoc);
  const { busy, failed, refusal, run } = useCommand();
  if (!latest) return null;
  const total = latest.tally.items.length;
  const shown = presentation?.roundId === latest.round.id ? presentation.revealed : 0;
  const go = (revealed: number) => run(() => api.stepPresentation({ roundId: latest.round.id, revealed }));
  return (
    <div className="ranking-steps" role="group" aria-label={t('present.stepStatus', { shown, total })}>
      <span role="status">{t('present.stepStatus', { shown, total })}</span>
      <button type="button" className="primary" disabled={busy || shown >= total} onClick={() => go(shown + 1)}>
        {t('present.next')}
      </button>
      <button type="button" disabled={busy || shown === 0} onClick={() => go(shown - 1)}>
        {t('present.back')}
      </button>
      <button type="button" disabled={busy || shown >= total} onClick={() => go(total)}>
        {t('present.all')}
      </button>
      <CommandError failed={failed} refusal={refusal} fallback={t('present.failed')} />
    </div>
  );
}
