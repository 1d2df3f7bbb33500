import { useT } from '../app/i18n';
import { Link } from '../app/Link';
import { paths } from '../app/router';
import { useBoard } from '../board/BoardContext';
import { ExportDownloads } from './ExportDownloads';

/** Downloads of the current list and the way to the printable report. */
export function ExportPanel() {
  const t = useT();
  const { boardId } = useBoard();
  return (
    <section className="panel export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('downloads.heading')}</h2>
      <p className="hint">{t('downloads.scope')}</p>
      <ExportDownloads />
      <p>
        <Link href={paths.report(boardId)}>{t('board.reportLink')}</Link>
      </p>
    </section>
  );
}
