import { useId } from 'react';
import type { FollowUpSourceBody } from '../../shared/followUp';
import { useT } from '../app/i18n';
import { Field } from '../app/Field';
import { boardOfLink } from '../session/tokens';
import type { EarlierWorkshop } from './TemplatePicker';

export interface RegisterSourceChoice {
  /** A workshop this browser facilitates, by board id; '' while none is chosen. */
  held: string;
  pasted: string;
}

export const NO_SOURCE: RegisterSourceChoice = { held: '', pasted: '' };

/** The register a follow-up starts from: a pasted facilitator link wins over the list; null while neither names one. */
export function sourceOf(choice: RegisterSourceChoice, earlier: EarlierWorkshop[]): FollowUpSourceBody | null {
  if (choice.pasted.trim() !== '') {
    const link = boardOfLink(choice.pasted);
    return link && { boardId: link.boardId, facilitatorToken: link.token };
  }
  const held = earlier.find((w) => w.boardId === choice.held);
  return held ? { boardId: held.boardId, facilitatorToken: held.token } : null;
}

/** Which register the follow-up workshop follows up: one of the workshops this browser facilitates, or a pasted facilitator link. */
export function RegisterSourcePicker({ earlier, choice, onChange }: { earlier: EarlierWorkshop[]; choice: RegisterSourceChoice; onChange: (choice: RegisterSourceChoice) => void }) {
  const t = useT();
  const id = useId();
  const badLink = choice.pasted.trim() !== '' && boardOfLink(choice.pasted) === null;
  return (
    <fieldset className="register-source">
      <legend>{t('followUp.chooseRegister')}</legend>
      {earlier.length > 0 && (
        <div className="field">
          <label htmlFor={id}>{t('followUp.heldWorkshop')}</label>
          <select id={id} value={choice.held} onChange={(e) => onChange({ ...choice, held: e.target.value })}>
            <option value="">{t('followUp.pickWorkshop')}</option>
            {earlier.map((w) => (
              <option key={w.boardId} value={w.boardId}>
                {w.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <Field label={t('followUp.pasteLink')} value={choice.pasted} error={badLink ? t('followUp.badLink') : null} onChange={(e) => onChange({ ...choice, pasted: e.target.value })} />
    </fieldset>
  );
}
