import { useState } from 'react';
import type { ExportFormat } from '../../shared/api';
import type { Language } from '../../shared/phases';
import { useT } from '../app/i18n';
import { describeFailure } from '../app/describeFailure';
import { LanguageSelect } from '../app/LanguageSwitch';
import { saveBlob } from '../app/saveBlob';
import { useBoard } from '../kernel/BoardContext';

const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'md', 'json'];

interface Props {
  /** A frozen version; without it the latest frozen list, else the draft (marked as not frozen) or the latest results. */
  version?: number;
}

/**
 * XLSX, CSV, Markdown and JSON buttons, in the language the reader picks beside them (the workshop's unless
 * changed: the server's default, so a workshop whose language changes later still gets its own). The export
 * needs the token, sent as a header, so the file arrives as a Blob.
 */
export function ExportDownloads({ version }: Props) {
  const t = useT();
  const { api } = useBoard();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lang, setLang] = useState<Language | ''>('');

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const { blob, filename } = await api.fetchExport(format, version, lang || undefined);
      saveBlob(blob, filename);
    } catch (failure) {
      setError(describeFailure(failure, t));
    } finally {
      setBusy(null);
    }
  };

  const what = version === undefined ? t('downloads.current') : t('downloads.version', { version });
  return (
    <div className="downloads">
      <LanguageSelect label={t('readerLanguage.files')} accessibleName={`${t('readerLanguage.files')}: ${what}`} value={lang} onChange={(value) => setLang(value as Language | '')}>
        <option value="">{t('readerLanguage.workshop')}</option>
      </LanguageSelect>
      <div className="button-row">
        {FORMATS.map((format) => (
          <button key={format} type="button" disabled={busy !== null} onClick={() => download(format)} aria-label={t('downloads.label', { format: t(`downloads.${format}`), what })}>
            {t(`downloads.${format}`)}
          </button>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
