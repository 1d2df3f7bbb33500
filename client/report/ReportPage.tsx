import { useT } from '../app/i18n';
import { Link } from '../app/Link';
import { paths } from '../app/router';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';

/** Placeholder until the printable report is built (issue "report"). */
export default function ReportPage({ boardId }: { boardId: string }) {
  const t = useT();
  useDocumentTitle(t('board.reportTitle'));
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page narrow">
        <h1>{t('board.reportTitle')}</h1>
        <p>{t('board.reportPlaceholder')}</p>
        <p>
          <Link href={paths.board(boardId)}>{t('board.backToBoard')}</Link>
        </p>
      </main>
    </>
  );
}
