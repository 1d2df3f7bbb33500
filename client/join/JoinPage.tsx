import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { JoinCodeInfo } from '../../shared/api';
import { LIMITS } from '../../shared/limits';
import { joinBoard, lookUpJoinCode, ApiFailure } from '../api/serverApi';
import { describeFailure } from '../app/describeFailure';
import { Field } from '../app/Field';
import { useLanguage, usePageLanguage, useT } from '../app/i18n';
import { Link } from '../app/Link';
import { navigate, paths } from '../app/router';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { readToken, saveToken } from '../session/tokens';
import { JoinWithCodeForm } from './JoinWithCodeForm';

type Lookup = { state: 'loading' } | { state: 'found'; info: JoinCodeInfo } | { state: 'failed'; error: unknown };

export function JoinPage({ code }: { code: string }) {
  const t = useT();
  const normalised = code.toUpperCase();
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  useDocumentTitle(lookup.state === 'found' ? lookup.info.title : t('join.title'));
  usePageLanguage(lookup.state === 'found' ? lookup.info.language : undefined);

  useEffect(() => {
    let live = true;
    lookUpJoinCode(normalised).then(
      (info) => live && setLookup({ state: 'found', info }),
      (error: unknown) => live && setLookup({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [normalised]);

  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page narrow">
        {lookup.state === 'loading' && <p role="status">{t('join.lookingUp')}</p>}
        {lookup.state === 'failed' && (
          <>
            <h1>{t('join.title')}</h1>
            <p className="form-error" role="alert">
              {lookup.error instanceof ApiFailure && lookup.error.status === 404
                ? t('join.codeNotFound', { code: normalised })
                : describeFailure(lookup.error, t)}
            </p>
            <JoinWithCodeForm />
          </>
        )}
        {lookup.state === 'found' && <JoinForm code={normalised} info={lookup.info} />}
      </main>
    </>
  );
}

function JoinForm({ code, info }: { code: string; info: JoinCodeInfo }) {
  const t = useT();
  const { language } = useLanguage();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [group, setGroup] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [groupError, setGroupError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groupId = useId();
  const errorRef = useRef<HTMLParagraphElement>(null);
  const alreadyJoined = readToken(info.boardId) !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const missingName = name.trim() === '';
    setNameError(missingName ? t('error.invalidField', { field: t('join.nameLabel') }) : null);
    setGroupError(group === '' ? t('error.invalidField', { field: t('join.groupLabel') }) : null);
    if (missingName || group === '') return;
    setBusy(true);
    try {
      const joined = await joinBoard(info.boardId, {
        joinCode: code,
        name: name.trim(),
        organisation: organisation.trim() || undefined,
        group,
        language,
      });
      saveToken(info.boardId, joined.token);
      navigate(paths.board(info.boardId));
    } catch (failure) {
      setBusy(false);
      setError(
        failure instanceof ApiFailure && failure.status === 409
          ? t('join.full')
          : failure instanceof ApiFailure && failure.status === 404
            ? t('join.codeNotFound', { code })
            : describeFailure(failure, t, {
                name: t('join.nameLabel'),
                organisation: t('join.organisationLabel'),
                group: t('join.groupLabel'),
              }),
      );
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  };

  return (
    <>
      <h1>{info.title}</h1>
      {info.question && <p className="question">{info.question}</p>}
      {alreadyJoined && (
        <p className="notice">
          {t('join.alreadyJoined')} <Link href={paths.board(info.boardId)}>{t('join.backToBoard')}</Link>
        </p>
      )}
      <form className="panel" onSubmit={submit} noValidate>
        <h2>{t('join.title')}</h2>
        <Field
          label={t('join.nameLabel')}
          value={name}
          error={nameError}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(null);
          }}
          maxLength={LIMITS.maxName}
          autoComplete="name"
          required
        />
        <Field
          label={t('join.organisationLabel')}
          hint={t('join.organisationHint')}
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
          maxLength={LIMITS.maxOrganisation}
          autoComplete="organization"
        />
        <div className="field">
          <label htmlFor={groupId}>{t('join.groupLabel')}</label>
          <select
            id={groupId}
            value={group}
            required
            aria-invalid={groupError ? true : undefined}
            aria-describedby={groupError ? `${groupId}-error` : undefined}
            onChange={(e) => {
              setGroup(e.target.value);
              setGroupError(null);
            }}
          >
            <option value="" disabled>
              {t('join.groupPlaceholder')}
            </option>
            {info.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {groupError && (
            <span id={`${groupId}-error`} className="field-error">
              {groupError}
            </span>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('join.submitting') : t('join.submit')}
        </button>
      </form>
    </>
  );
}
