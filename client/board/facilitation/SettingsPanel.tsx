import type { BoardSettings } from '../../../shared/phases';
import { changeSettings, revealCards } from '../../api/serverApi';
import { useT } from '../../app/i18n';
import { useCommand } from './useCommand';

const TOGGLES = ['silentCollect', 'collectReopened', 'participantsCluster', 'participantsExport'] as const;

/** The facilitator's switches; the control doc echoes the new state back, so the checkboxes show what the server holds. */
export function SettingsPanel({ boardId, token, settings }: { boardId: string; token: string; settings: BoardSettings }) {
  const t = useT();
  const { busy, failed, run } = useCommand();

  return (
    <details className="panel settings-panel">
      <summary>{t('settings.heading')}</summary>
      <fieldset disabled={busy}>
        <legend className="visually-hidden">{t('settings.heading')}</legend>
        {TOGGLES.map((key) => (
          <label key={key} className="checkbox">
            <input
              type="checkbox"
              checked={settings[key]}
              onChange={(e) => run(() => changeSettings(boardId, token, { [key]: e.target.checked }))}
            />
            <span>{t(`settings.${key}`)}</span>
          </label>
        ))}
        {settings.silentCollect && (
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
