import { useEffect, useState } from 'react';
import type { BoardSettings } from '../../../shared/phases';
import { useT } from '../../app/i18n';
import { useBoard } from '../BoardContext';
import { useCommand } from './useCommand';

const TOGGLES = ['silentCollect', 'collectReopened', 'participantsCluster', 'participantsExport', 'anonymousCards'] as const;

/** The facilitator's switches; the control doc echoes the new state back, so the checkboxes show what the server holds. */
export function SettingsPanel({ settings }: { settings: BoardSettings }) {
  const t = useT();
  const { api } = useBoard();
  const { busy, failed, refusal, run } = useCommand();
  // Shown at once; the control doc's echo (or a failure) then replaces it with what the server holds.
  const [pending, setPending] = useState<Partial<BoardSettings>>({});
  const [said, setSaid] = useState<'status.settingsSaved' | 'status.cardsRevealed' | null>(null);
  // A command says so once the server has done it, and the next command clears what the last one said.
  const command = (action: () => Promise<unknown>, done: NonNullable<typeof said>) =>
    run(async () => {
      setSaid(null);
      await action();
      setSaid(done);
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
                command(() => api.changeSettings(patch), 'status.settingsSaved');
              }}
            />
            <span>{t(`settings.${key}`)}</span>
          </label>
        ))}
        {shown.silentCollect && (
          <button type="button" onClick={() => command(() => api.revealCards(), 'status.cardsRevealed')}>
            {t('settings.revealCards')}
          </button>
        )}
      </fieldset>
      <p className="command-status" role="status">
        {said && t(said)}
      </p>
      {failed && (
        <p className="form-error" role="alert">
          {refusal ?? t('settings.failed')}
        </p>
      )}
    </details>
  );
}
