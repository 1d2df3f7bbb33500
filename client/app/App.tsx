import { lazy, Suspense, useEffect, useRef } from 'react';
import { LanguageProvider, useT } from './i18n';
import { parseRoute, usePathname } from './router';
import { StartPage } from '../start/StartPage';
import { JoinPage } from '../join/JoinPage';
import { NotFoundPage } from './NotFoundPage';
import { TopBar } from './TopBar';

// The board brings Yjs, the sync provider and (later) the editor and drag-and-drop: phones opening the
// start or join page should not download any of it.
const BoardPage = lazy(() => import('../board/BoardPage'));
const ReportPage = lazy(() => import('../report/ReportPage'));
const PresentPage = lazy(() => import('../present/PresentPage'));
const ProgressPage = lazy(() => import('../register/ProgressPage'));
const ForumPage = lazy(() => import('../forum/ForumPage'));

export function App() {
  return (
    <LanguageProvider>
      <Screens />
    </LanguageProvider>
  );
}

function Screens() {
  const t = useT();
  const pathname = usePathname();
  const route = parseRoute(pathname);
  useFocusOnNavigation(pathname);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Suspense fallback={<Loading />}>
        {route.name === 'start' && <StartPage />}
        {route.name === 'join' && <JoinPage key={route.code} code={route.code} />}
        {route.name === 'board' && <BoardPage key={route.boardId} boardId={route.boardId} />}
        {route.name === 'report' && <ReportPage key={route.boardId} boardId={route.boardId} />}
        {route.name === 'present' && <PresentPage key={route.boardId} boardId={route.boardId} />}
        {route.name === 'progress' && <ProgressPage key={route.boardId} boardId={route.boardId} />}
        {route.name === 'forum' && <ForumPage key={route.forumId} forumId={route.forumId} />}
        {route.name === 'notFound' && <NotFoundPage />}
      </Suspense>
    </>
  );
}

function Loading() {
  const t = useT();
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page">
        <p role="status">{t('app.loading')}</p>
      </main>
    </>
  );
}

/** After an in-app navigation, screen-reader and keyboard users start at the new screen's content. */
function useFocusOnNavigation(pathname: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  }, [pathname]);
}
