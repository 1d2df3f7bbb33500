import { useId, useRef, useState, type FormEvent } from 'react';
import type { StartingSettings } from '../../shared/api';
import { defaultGroupNames } from '../../shared/groups';
import { LIMITS } from '../../shared/limits';
import type { Language } from '../../shared/phases';
import { builtInTemplate, startsFromRegister, type TemplateId } from '../../shared/templates';
import { createBoard } from '../api/serverApi';
import { describeFailure } from '../app/describeFailure';
import { Field } from '../app/Field';
import { useLanguage, useT } from '../app/i18n';
import { LanguageOptions } from '../app/LanguageSwitch';
import { navigate, paths } from '../app/router';
import { markJustCreated } from '../session/justCreated';
import { saveToken } from '../session/tokens';
import { GroupListEditor, type EditableGroup } from '../app/GroupListEditor';
import { TemplatePicker, type EarlierWorkshop, type StartingPoint } from './TemplatePicker';
import { NO_SOURCE, RegisterSourcePicker, sourceOf } from './RegisterSourcePicker';

export function CreateWorkshopForm({ earlier }: { earlier: EarlierWorkshop[] }) {
  const t = useT();
  const { language: uiLanguage, choose } = useLanguage();
  const [title, setTitle] = useState('');
  // Until the facilitator picks a workshop language, it follows the page's; until they edit the question or the
  // groups, those follow the workshop language (a built-in template's, or the default groups).
  const [pickedLanguage, setPickedLanguage] = useState<Language | null>(null);
  const [builtIn, setBuiltIn] = useState<TemplateId | null>(null);
  const [editedQuestion, setEditedQuestion] = useState<string | null>(null);
  const [editedGroups, setEditedGroups] = useState<EditableGroup[] | null>(null);
  const [settings, setSettings] = useState<StartingSettings | undefined>(undefined);
  const [registerSource, setRegisterSource] = useState(NO_SOURCE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const questionId = useId();
  const languageId = useId();
  const errorRef = useRef<HTMLParagraphElement>(null);

  const language = pickedLanguage ?? uiLanguage;
  const template = builtIn && builtInTemplate(builtIn, language);
  const question = editedQuestion ?? template?.question ?? '';
  const groups = editedGroups ?? (template?.groups ?? defaultGroupNames(language)).map((name) => ({ name }));

  const startFrom = (start: StartingPoint) => {
    const earlierWorkshop = start && 'earlier' in start ? start.earlier : null;
    setBuiltIn(start && 'builtIn' in start ? start.builtIn : null);
    setEditedQuestion(earlierWorkshop?.question ?? null);
    setEditedGroups(earlierWorkshop?.groups.map((name) => ({ name })) ?? null);
    if (earlierWorkshop) setPickedLanguage(earlierWorkshop.language);
    setSettings(start && 'builtIn' in start ? builtInTemplate(start.builtIn, language).settings : earlierWorkshop?.settings);
  };

  const fail = (message: string) => {
    setError(message);
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (title.trim() === '') {
      setTitleError(t('error.invalidField', { field: t('start.create.titleLabel') }));
      return;
    }
    const names = groups.map((g) => g.name.trim()).filter((g) => g !== '');
    if (names.length === 0) return fail(t('start.create.groupsRequired'));
    if (names.length > LIMITS.maxGroups) return fail(t('start.create.groupsMax', { max: LIMITS.maxGroups }));
    const followUp = startsFromRegister(builtIn) ? sourceOf(registerSource, earlier) : undefined;
    if (followUp === null) return fail(t('followUp.needSource'));
    setBusy(true);
    try {
      const created = await createBoard({ title: title.trim(), question: question.trim(), language, groups: names, settings, followUp });
      saveToken(created.boardId, created.facilitatorToken);
      markJustCreated(created.boardId);
      // The facilitator keeps the language they created in, whatever language the workshop is in.
      choose(uiLanguage);
      navigate(paths.board(created.boardId));
    } catch (failure) {
      setBusy(false);
      fail(
        describeFailure(failure, t, {
          title: t('start.create.titleLabel'),
          question: t('start.create.questionLabel'),
          language: t('start.create.languageLabel'),
          groups: t('start.create.groupsLegend'),
          followUp: t('followUp.chooseRegister'),
        }),
      );
    }
  };

  return (
    <form className="panel create-form" onSubmit={submit} noValidate>
      <h2>{t('start.create.heading')}</h2>
      <TemplatePicker earlier={earlier} onPick={startFrom} />
      {startsFromRegister(builtIn) && <RegisterSourcePicker earlier={earlier} choice={registerSource} onChange={setRegisterSource} />}
      <Field
        label={t('start.create.titleLabel')}
        value={title}
        error={titleError}
        onChange={(e) => {
          setTitle(e.target.value);
          setTitleError(null);
        }}
        maxLength={LIMITS.maxBoardTitle}
        required
      />
      <div className="field">
        <label htmlFor={questionId}>{t('start.create.questionLabel')}</label>
        <span id={`${questionId}-hint`} className="hint">
          {t('start.create.questionHint')}
        </span>
        <textarea
          id={questionId}
          aria-describedby={`${questionId}-hint`}
          value={question}
          onChange={(e) => setEditedQuestion(e.target.value)}
          maxLength={LIMITS.maxQuestion}
          rows={3}
        />
      </div>
      <div className="field">
        <label htmlFor={languageId}>{t('start.create.languageLabel')}</label>
        <select
          id={languageId}
          value={language}
          onChange={(e) => setPickedLanguage(e.target.value as Language)}
        >
          <LanguageOptions />
        </select>
      </div>
      <GroupListEditor groups={groups} onChange={setEditedGroups} />
      {error && (
        <p className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('start.create.submitting') : t('start.create.submit')}
      </button>
    </form>
  );
}
