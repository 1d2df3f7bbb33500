import { useId } from 'react';
import { useT } from '../app/i18n';
import { Link } from '../app/Link';
import { paths } from '../app/router';
import { useBoard } from '../kernel/BoardContext';
import { ExportDownloads } from './ExportDownloads';

/**
 * Downloads of the current list and the way to the printable report: beside the results and the agreed list,
 * and in the facilitator's tools in every phase (before a round, the cards and themes collected so far).
 */
export function ExportPanel() {
  const t = useT();
  const { boardId } = useBoard();
  const headingId = useId();
  return (
    <section className="panel export-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('downloads.heading')}</h2>
      <p className="hint">{t('downloads.scope')}</p>
      <ExportDownloads />
      <p>
        <Link className="button-link" href={paths.report(boardId)}>
          {t('board.reportLink')}
        </Link>
      </p>
    </section>
  );
}
