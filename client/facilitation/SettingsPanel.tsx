import { useEffect, useState } from 'react';
import type { BoardSettings } from '../../shared/phases';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCommand } from '../kernel/commands/useCommand';
import { CommandError } from '../kernel/commands/CommandError';

const TOGGLES = ['silentCollect', 'collectReopened', 'participantsCluster', 'participantsExport', 'anonymousCards', 'strictAnonymity'] as const;

/** The facilitator's switches; the control doc echoes the new state back, so the checkboxes show what the server holds. */
export function SettingsPanel({ settings }: { settings: BoardSettings }) {
  const t = useT();
  const { api } = useBoard();
  const { busy, failed, refusal, run } = useCommand();
  // Shown at once; the control doc's echo (or a failure) then replaces it with what the server holds.
  const [pending, setPending] = useState<Partial<BoardSettings>>({});
  const [saved, setSaved] = useState(false);
  // A change says so once the server has done it, and the next change clears what the last one said.
  const save = (patch: Partial<BoardSettings>) =>
    run(async () => {
      setSaved(false);
      await api.changeSettings(patch);
      setSaved(true);
    });
  useEffect(() => setPending({}), [settings, failed]);
  const shown = { ...settings, ...pending };

  return (
    <details className="panel settings-panel">
      <summary>{t('settings.heading')}</summary>
      <fieldset disabled={busy}>
        {TOGGLES.map((key) => (
          <label key={key} className="checkbox">
            <input
              type="checkbox"
              checked={shown[key]}
              onChange={(e) => {
                const patch = { [key]: e.target.checked };
                setPending((p) => ({ ...p, ...patch }));
                save(patch);
              }}
            />
            <span>{t(`settings.${key}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="command-status" role="status">
        {saved && t('status.settingsSaved')}
      </p>
      <CommandError failed={failed} refusal={refusal} fallback={t('settings.failed')} />
    </details>
  );
}
