import { useState } from 'react';
import type { AgreementDraftBody } from '../../shared/api';
import { useT } from '../app/i18n';
import { RoundSelect } from '../results/RoundSelect';
import type { RevealedRound } from '../kernel/useRounds';
import { draftFromTally } from './draftEdits';

/** Starts (or restarts) the draft from a revealed round, in its raw or its group-balanced order. */
export function StartFromRound({ revealed, onStart }: { revealed: RevealedRound[]; onStart: (draft: AgreementDraftBody) => void }) {
  const t = useT();
  // The latest revealed round until the facilitator picks another: chosen when shown, not when first mounted, so a
  // screen that mounts before the control document has synced still offers the round once it arrives.
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = revealed.find(({ round }) => round.id === picked) ?? revealed.at(-1);
  if (!chosen) return <p className="muted">{t('agree.needResults')}</p>;

  const start = (order: 'raw' | 'balanced') => onStart({ roundId: chosen.round.id, items: draftFromTally(chosen.tally, order) });
  return (
    <div className="start-from-round">
      <RoundSelect label={t('agree.fromRound')} revealed={revealed} value={chosen.round.id} onChange={setPicked} />
      <div className="button-row">
        <button type="button" className="primary" onClick={() => start('raw')}>
          {t('agree.startRaw')}
        </button>
        <button type="button" onClick={() => start('balanced')}>
          {t('agree.startBalanced')}
        </button>
      </div>
    </div>
  );
}
