import { useId, useState } from 'react';
import type { BoardTemplate } from '../../shared/api';
import { TEMPLATE_IDS, type TemplateId } from '../../shared/templates';
import { fetchBoardTemplate } from '../api/serverApi';
import { useT } from '../app/i18n';

export interface EarlierWorkshop {
  boardId: string;
  token: string;
  title: string;
}

/** What the workshop starts from: nothing, a built-in template (in whatever language is chosen), or an earlier workshop. */
export type StartingPoint = { builtIn: TemplateId } | { earlier: BoardTemplate } | null;

/**
 * "Start from": an empty workshop, a built-in template, or one of my earlier workshops (read from the server
 * with its facilitator token: question, language, groups, settings only).
 */
export function TemplatePicker({ earlier, onPick }: { earlier: EarlierWorkshop[]; onPick: (start: StartingPoint) => void }) {
  const t = useT();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [failed, setFailed] = useState(false);

  const pick = async (value: string) => {
    setChoice(value);
    setFailed(false);
    const [kind, key] = value.split(':') as [string, string];
    if (kind === 'builtIn') return onPick({ builtIn: key as TemplateId });
    const board = earlier.find((w) => w.boardId === key);
    if (!board) return onPick(null);
    try {
      onPick({ earlier: await fetchBoardTemplate(board.boardId, board.token) });
    } catch {
      setFailed(true);
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{t('template.label')}</label>
      <span id={`${id}-hint`} className="hint">
        {t('template.hint')}
      </span>
      <select id={id} aria-describedby={`${id}-hint`} value={choice} onChange={(e) => pick(e.target.value)}>
        <option value="">{t('template.blank')}</option>
        <optgroup label={t('template.builtIn')}>
          {TEMPLATE_IDS.map((templateId) => (
            <option key={templateId} value={`builtIn:${templateId}`}>
              {t(`template.${templateId}`)}
            </option>
          ))}
        </optgroup>
        {earlier.length > 0 && (
          <optgroup label={t('template.earlier')}>
            {earlier.map((w) => (
              <option key={w.boardId} value={`board:${w.boardId}`}>
                {w.title}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {failed && (
        <p className="form-error" role="alert">
          {t('template.failed')}
        </p>
      )}
    </div>
  );
}
