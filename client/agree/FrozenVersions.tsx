import { useT } from '../app/i18n';
import { ExportDownloads } from '../results/ExportDownloads';
import { useFormats } from '../app/useFormats';
import type { AgreementVersion } from '../kernel/useRounds';

/** Every frozen version of the list, newest first, each with its own downloads (they never change). */
export function FrozenVersions({ versions, canDownload }: { versions: AgreementVersion[]; canDownload: boolean }) {
  const t = useT();
  const format = useFormats();
  if (versions.length === 0) return null;
  return (
    <section className="frozen-versions" aria-labelledby="frozen-heading">
      <h3 id="frozen-heading">{t('agree.versionsHeading')}</h3>
      <ul>
        {[...versions].reverse().map(({ version, frozenAt }) => (
          <li key={version}>
            <p>{t('agree.versionLine', { version, date: format.dateTime(frozenAt) })}</p>
            {canDownload && <ExportDownloads version={version} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
