import { useState } from 'react';
import { SIGNOFF_DECISIONS, type SignoffDecision, type SignoffDecisionKind } from '../../shared/signoff';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { CommandError } from '../kernel/commands/CommandError';
import { useCommand } from '../kernel/commands/useCommand';

interface Props {
  version: number;
  groupName: string;
  /** This delegate's latest decision on the version, as the room sees it. */
  decided: SignoffDecision | null;
}

/** A delegate's question on their phone: consent, abstain, or object with a reason. */
export function DelegateSign({ version, groupName, decided }: Props) {
  const t = useT();
  const { api } = useBoard();
  const { busy, failed, refusal, run } = useCommand();
  const [reason, setReason] = useState(decided?.reason ?? '');
  const decide = (decision: SignoffDecisionKind) => run(() => api.signVersion(version, { decision, reason: decision === 'object' ? reason : '' }));

  return (
    <section className="delegate-sign" aria-labelledby="delegate-sign-heading">
      <h4 id="delegate-sign-heading">{t('signoff.ask', { group: groupName, version })}</h4>
      <label className="field">
        <span>{t('signoff.reasonLabel')}</span>
        <textarea value={reason} maxLength={500} rows={2} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="button-row">
        {SIGNOFF_DECISIONS.map((decision) => (
          <button
            key={decision}
            type="button"
            className={decision === 'consent' ? 'primary' : undefined}
            aria-pressed={decided?.decision === decision}
            disabled={busy || (decision === 'object' && reason.trim() === '')}
            onClick={() => decide(decision)}
          >
            {t(`signoff.decision.${decision}`)}
          </button>
        ))}
      </div>
      <p className="command-status" role="status">
        {decided && t('signoff.yourDecision', { decision: t(`signoff.decision.${decided.decision}`) })}
      </p>
      <CommandError failed={failed} refusal={refusal} fallback={t('error.generic')} />
    </section>
  );
}
