import { useEffect, useState } from 'react';
import type { BoardSettings } from '../../../shared/phases';
import { changeSettings, revealCards } from '../../api/serverApi';
import { useT } from '../../app/i18n';
import { useCommand } from './useCommand';

const TOGGLES = ['silentCollect', 'collectReopened', 'participantsCluster', 'participantsExport', 'anonymousCards'] as const;

/** The facilitator's switches; the control doc echoes the new state back, so the checkboxes show what the server holds. */
export function SettingsPanel({ boardId, token, settings }: { boardId: string; token: string; settings: BoardSettings }) {
  const t = useT();
  const { busy, failed, run } = useCommand();
  // Shown at once; the control doc's echo (or a failure) then replaces it with what the server holds.
  const [pending, setPending] = useState<Partial<BoardSettings>>({});
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
                run(() => changeSettings(boardId, token, patch));
              }}
            />
            <span>{t(`settings.${key}`)}</span>
          </label>
        ))}
        {shown.silentCollect && (
          <button type="button" onClick={() => run(() => revealCards(boardId, token))}>
            {t('settings.revealCards')}
          </button>
        )}
      </fieldset>
      {failed && (
        <p className="form-error" role="alert">
          {t('settings.failed')}
        </p>
      )}
    </details>
  );
}
