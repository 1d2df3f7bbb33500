import './register.css';
import { useState } from 'react';
import { registerAtAGlance, type RegisterItem, type RegisterView } from '../../shared/register';
import { ApiFailure, startRegister, updateRegisterItem } from '../api/serverApi';
import { describeFailure } from '../app/describeFailure';
import { usePageLanguage, useT } from '../app/i18n';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { InvitationNeeded } from '../join/InvitationNeeded';
import { registerToken } from '../session/tokens';
import { useDayFormat } from './formats';
import { RegisterDownloads } from './RegisterDownloads';
import { RegisterItemCard } from './RegisterItemCard';
import { RegisterLinks } from './RegisterLinks';
import { StatusCounts } from './StatusCounts';
import { useRegister } from './useRegister';

/**
 * The follow-through register at a glance: overdue reviews first, then every priority by owner. The facilitator,
 * an owner (through their link) and the steering group (through the progress link) all read it here; what each
 * may change is what the server says in the view.
 */
export default function ProgressPage({ boardId }: { boardId: string }) {
  const [token] = useState(() => registerToken(boardId));
  if (!token) return <InvitationNeeded />;
  return <Progress boardId={boardId} token={token} />;
}

function Progress({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  const register = useRegister(boardId, token);
  const view = register.state === 'ready' ? register.view : null;
  usePageLanguage(view?.register.board.language);
  useDocumentTitle(view ? t('register.documentTitle', { title: view.register.board.title }) : t('register.heading'));

  if (register.state === 'failed' && register.error instanceof ApiFailure && register.error.status === 401) return <InvitationNeeded reason="invalidToken" />;
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page register">
        {view ? (
          <RegisterPage boardId={boardId} token={token} view={view} reload={register.reload} />
        ) : register.state === 'failed' ? (
          <NoRegister boardId={boardId} token={token} error={register.error} reload={register.reload} />
        ) : (
          <p role="status">{t('register.loading')}</p>
        )}
      </main>
    </>
  );
}

function RegisterPage({ boardId, token, view, reload }: { boardId: string; token: string; view: RegisterView; reload: () => Promise<void> }) {
  const t = useT();
  const day = useDayFormat();
  const { register, reader, today } = view;
  const glance = registerAtAGlance(register, today);
  const [saved, setSaved] = useState('');
  const onSaved = async () => {
    await reload();
    setSaved(t('register.saved'));
  };
  const item = (i: RegisterItem, context: string) => (
    <RegisterItemCard key={`${context}-${i.itemId}`} save={(itemId, body) => updateRegisterItem(boardId, token, itemId, body)} item={i} reader={reader} today={today} showOwner={context === 'overdue'} headingLevel={context === 'overdue' ? 3 : 4} onSaved={onSaved} />
  );
  return (
    <>
      <nav className="register-actions" aria-label={t('register.actions')}>
        <RegisterDownloads boardId={boardId} token={token} />
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('register.print')}
        </button>
      </nav>
      <header className="register-head">
        <h1>{register.board.title}</h1>
        <p className="register-subtitle">
          {t('register.heading')} · {t('register.fromVersion', { version: register.fromVersion, date: day(new Date(register.frozenAt).toISOString().slice(0, 10)) })}
        </p>
        <p className="register-reader">
          {reader.kind === 'facilitator' ? t('register.readerFacilitator') : reader.kind === 'owner' ? t('register.readerOwner', { owner: reader.owner }) : t('register.readerProgress')}
        </p>
        <p className="command-status" role="status">
          {saved}
        </p>
      </header>
      <section className="register-section" aria-labelledby="register-summary">
        <h2 id="register-summary">{t('register.summary')}</h2>
        <StatusCounts counts={glance.counts} />
      </section>
      {glance.overdue.length > 0 && (
        <section className="register-section register-overdue" aria-labelledby="register-overdue">
          <h2 id="register-overdue">{t('register.overdueHeading')}</h2>
          <div className="register-items">{glance.overdue.map((i) => item(i, 'overdue'))}</div>
        </section>
      )}
      <section className="register-section" aria-labelledby="register-owners">
        <h2 id="register-owners">{t('register.byOwner')}</h2>
        {glance.owners.map((group) => (
          <section key={group.owner} className="register-owner" aria-label={group.owner || t('register.noOwner')}>
            <div className="register-owner-head">
              <h3>{group.owner || t('register.noOwner')}</h3>
              <StatusCounts counts={group.counts} compact />
            </div>
            <div className="register-items">{group.items.filter((i) => !glance.overdue.includes(i)).map((i) => item(i, 'owner'))}</div>
          </section>
        ))}
      </section>
      {reader.kind === 'facilitator' && <RegisterLinks boardId={boardId} token={token} owners={glance.owners.map((g) => g.owner).filter(Boolean)} />}
    </>
  );
}

function NoRegister({ boardId, token, error, reload }: { boardId: string; token: string; error: unknown; reload: () => Promise<void> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!(error instanceof ApiFailure && error.body?.code === 'no-register')) {
    return (
      <p className="form-error" role="alert">
        {describeFailure(error, t)}
      </p>
    );
  }
  const start = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await startRegister(boardId, token);
      await reload();
    } catch (failed) {
      setFailure(describeFailure(failed, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel">
      <h1>{t('register.heading')}</h1>
      <p>{t('register.none')}</p>
      <button type="button" className="primary" disabled={busy} onClick={start}>
        {busy ? t('register.starting') : t('register.start')}
      </button>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
