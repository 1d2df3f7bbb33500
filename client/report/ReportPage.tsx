import '../results/results.css';
import './report.css';
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { notesOf } from '../../shared/boardDoc';
import { readMeta, readSignoff, type BoardMeta } from '../../shared/controlDoc';
import { ApiFailure } from '../api/serverApi';
import { describeFailure } from '../app/describeFailure';
import type { Language } from '../../shared/phases';
import { LanguageScope, useLanguage, usePageLanguage, useT } from '../app/i18n';
import { LanguageSelect } from '../app/LanguageSwitch';
import { Link } from '../app/Link';
import { paths } from '../app/router';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { InvitationNeeded } from '../join/InvitationNeeded';
import { BoardConnection } from '../kernel/sync/BoardConnection';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import { useConnection } from '../kernel/useBoardData';
import { readToken, takeTokenFromLocation } from '../session/tokens';
import { useAgreement, useRevealedRounds } from '../kernel/useRounds';
import { Report } from './Report';
import { useReportList } from './useReportList';

/** The printable report: the board and control documents read live, the list from the JSON export. */
export default function ReportPage({ boardId }: { boardId: string }) {
  const [token] = useState(() => takeTokenFromLocation(boardId) ?? readToken(boardId));
  if (!token) return <InvitationNeeded />;
  return <ConnectedReport boardId={boardId} token={token} />;
}

function ConnectedReport({ boardId, token }: { boardId: string; token: string }) {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  useEffect(() => {
    const created = new BoardConnection(boardId, token);
    setConnection(created);
    return () => created.destroy();
  }, [boardId, token]);
  if (!connection) return null;
  return <LiveReport boardId={boardId} token={token} connection={connection} />;
}

function LiveReport({ boardId, token, connection }: { boardId: string; token: string; connection: BoardConnection }) {
  const t = useT();
  const live = useConnection(connection);
  const meta = useLastKnown(useDocSelector(live.controlDoc, readMeta));
  // The notes are rendered from the board document: a change of their content renders the report again.
  useDocSelector(live.boardDoc, notesMarkup);
  const notes = useMemo(() => notesOf(live.boardDoc), [live.boardDoc]);
  const { versions } = useAgreement(live.controlDoc);
  const revealed = useRevealedRounds(live.controlDoc);
  const signoff = useDocSelector(live.controlDoc, readSignoff);
  const result = useReportList(boardId, token, `${versions.length}/${revealed.length}/${signoff.decisions.length}/${JSON.stringify(signoff.delegates)}`);
  usePageLanguage(meta?.language);
  // The report opens in its reader's language, the interface's, and can be told in another for the room.
  const interfaceLanguage = useLanguage().language;
  const [picked, setPicked] = useState<Language | null>(null);
  const reportLanguage = picked ?? interfaceLanguage;
  useDocumentTitle(meta ? t('report.documentTitle', { title: meta.title }) : t('board.reportTitle'));

  if (live.fatal) return <InvitationNeeded reason={live.fatal} />;
  if (result.state === 'failed' && result.error instanceof ApiFailure && result.error.status === 401) return <InvitationNeeded reason="invalidToken" />;
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page report">
        <nav className="report-actions" aria-label={t('report.actions')}>
          <Link href={paths.board(boardId)}>{t('board.backToBoard')}</Link>
          <LanguageSelect label={t('readerLanguage.report')} value={reportLanguage} onChange={(value) => setPicked(value as Language)} />
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        </nav>
        {result.state === 'ready' && meta ? (
          <LanguageScope language={reportLanguage}>
            <div lang={reportLanguage}>
              <Report list={result.list} meta={meta} notes={notes} rounds={revealed} />
            </div>
          </LanguageScope>
        ) : result.state === 'failed' ? (
          <p className="form-error" role="alert">
            {result.error instanceof ApiFailure && result.error.status === 403 ? t('report.notShared') : describeFailure(result.error, t)}
          </p>
        ) : (
          <p role="status">{t('report.loading')}</p>
        )}
      </main>
    </>
  );
}

/** The notes as Yjs's XML serialisation: a string that changes with every edit of their text or marks. */
const notesMarkup = (boardDoc: Y.Doc): string => notesOf(boardDoc).toString();

/**
 * The meta as last read. A control document rebuilt after a refusal starts empty until it has synced again;
 * the report keeps what it showed instead of falling back to its loading line.
 */
function useLastKnown(meta: BoardMeta | undefined): BoardMeta | undefined {
  const [kept, setKept] = useState(meta);
  if (meta !== undefined && meta !== kept) setKept(meta);
  return meta ?? kept;
}
