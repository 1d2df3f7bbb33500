import { useEffect, useState } from 'react';
import type { ParticipantInfo } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { SIGNOFF_RULES, type SignoffSetup } from '../../shared/signoff';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { CommandError } from '../kernel/commands/CommandError';
import { useCommand } from '../kernel/commands/useCommand';

interface Props {
  setup: SignoffSetup;
  groups: readonly StakeholderGroup[];
  participants: ReadonlyMap<string, ParticipantInfo>;
}

/** The facilitator names the delegates of each group among its participants, and picks the rule. */
export function SignoffSetupForm({ setup, groups, participants }: Props) {
  const t = useT();
  const { api } = useBoard();
  const { busy, failed, refusal, run } = useCommand();
  const [draft, setDraft] = useState<SignoffSetup>(setup);
  const [saved, setSaved] = useState(false);
  // Follows what is stored (another facilitator's change, a delegate removed), not every decision drawn beside it.
  const stored = JSON.stringify({ rule: setup.rule, delegates: setup.delegates });
  useEffect(() => setDraft(JSON.parse(stored) as SignoffSetup), [stored]);

  const toggle = (group: string, id: string, on: boolean) => {
    setSaved(false);
    const named = draft.delegates[group] ?? [];
    setDraft({ ...draft, delegates: { ...draft.delegates, [group]: on ? [...named, id] : named.filter((d) => d !== id) } });
  };
  const save = () =>
    run(async () => {
      await api.setUpSignoff(draft);
      setSaved(true);
    });

  return (
    <details className="signoff-setup" open={Object.values(setup.delegates).every((ids) => ids.length === 0)}>
      <summary>{t('signoff.setupHeading')}</summary>
      <fieldset disabled={busy}>
        <legend>{t('signoff.ruleLabel')}</legend>
        {SIGNOFF_RULES.map((rule) => (
          <label key={rule} className="checkbox">
            <input type="radio" name="signoff-rule" checked={draft.rule === rule} onChange={() => setDraft({ ...draft, rule })} />
            <span>{t(`signoff.ruleOption.${rule}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="signoff-delegate-groups">
        {groups.map((group) => {
          const members = [...participants.values()].filter((p) => p.group === group.id);
          if (members.length === 0) return null;
          return (
            <fieldset key={group.id} disabled={busy}>
              <legend>{t('signoff.delegatesOf', { group: group.name })}</legend>
              {members.map((p) => (
                <label key={p.id} className="checkbox">
                  <input type="checkbox" checked={(draft.delegates[group.id] ?? []).includes(p.id)} onChange={(e) => toggle(group.id, p.id, e.target.checked)} />
                  <span>
                    {p.name}
                    {p.organisation && <span className="muted"> ({p.organisation})</span>}
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      <button type="button" className="primary" disabled={busy} onClick={save}>
        {t('signoff.save')}
      </button>
      <p className="command-status" role="status">
        {saved && t('signoff.saved')}
      </p>
      <CommandError failed={failed} refusal={refusal} fallback={t('error.generic')} />
    </details>
  );
}
