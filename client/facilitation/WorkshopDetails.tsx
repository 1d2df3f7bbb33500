import { useId, useMemo, useState, type FormEvent } from 'react';
import type { BoardMeta } from '../../shared/controlDoc';
import type { Language } from '../../shared/phases';
import { describeFailure } from '../app/describeFailure';
import { Field } from '../app/Field';
import { useT } from '../app/i18n';
import { LanguageOptions } from '../app/LanguageSwitch';
import { GroupListEditor, type EditableGroup } from '../app/GroupListEditor';
import { useBoard } from '../kernel/BoardContext';
import { useParticipants } from '../kernel/useBoardData';

interface Props {
  meta: BoardMeta;
}

/**
 * The facilitator corrects the workshop's title, question, language and groups. The server is the authority:
 * it refuses removing a group someone joined, and writes the change into the control document, from where
 * every screen shows it at once.
 */
export function WorkshopDetails(props: Props) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  // A change saved by this or another facilitator starts the form again from what the board now says.
  const version = JSON.stringify([props.meta.title, props.meta.question, props.meta.language, props.meta.groups]);
  return (
    <details className="panel details-panel">
      <summary>{t('details.heading')}</summary>
      <DetailsForm key={version} {...props} onSaved={setSaved} />
      <p role="status" className="copy-status">
        {saved ? t('details.saved') : ''}
      </p>
    </details>
  );
}

function DetailsForm({ meta, onSaved }: Props & { onSaved: (saved: boolean) => void }) {
  const t = useT();
  const { api, controlDoc } = useBoard();
  const languageId = useId();
  const questionId = useId();
  const participants = useParticipants(controlDoc);
  const inUse = useMemo(() => new Set(Array.from(participants.values(), (p) => p.group)), [participants]);
  const [title, setTitle] = useState(meta.title);
  const [question, setQuestion] = useState(meta.question);
  const [language, setLanguage] = useState<Language>(meta.language);
  const [groups, setGroups] = useState<EditableGroup[]>(() => meta.groups.map((g) => ({ id: g.id, name: g.name })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = groups.map((g) => ({ ...g, inUse: g.id !== undefined && inUse.has(g.id) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    onSaved(false);
    try {
      const named = groups.filter((g) => g.name.trim() !== '').map(({ id, name }) => (id ? { id, name: name.trim() } : { name: name.trim() }));
      await api.editBoardDetails({ title: title.trim(), question: question.trim(), language, groups: named });
      onSaved(true);
    } catch (failure) {
      setError(
        describeFailure(failure, t, {
          title: t('start.create.titleLabel'),
          question: t('start.create.questionLabel'),
          language: t('start.create.languageLabel'),
          groups: t('start.create.groupsLegend'),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="hint">{t('details.hint')}</p>
      <Field label={t('start.create.titleLabel')} value={title} onChange={(e) => setTitle(e.target.value)} required />
      <div className="field">
        <label htmlFor={questionId}>{t('start.create.questionLabel')}</label>
        <textarea id={questionId} value={question} onChange={(e) => setQuestion(e.target.value)} rows={2} />
      </div>
      <div className="field">
        <label htmlFor={languageId}>{t('start.create.languageLabel')}</label>
        <select id={languageId} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          <LanguageOptions />
        </select>
      </div>
      <GroupListEditor groups={shown} onChange={setGroups} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('details.saving') : t('details.save')}
      </button>
    </form>
  );
}
