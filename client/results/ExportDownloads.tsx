import { useState } from 'react';
import type { ExportFormat } from '../../shared/api';
import { fetchExport } from '../api/serverApi';
import { useT } from '../app/i18n';
import { describeFailure } from '../app/describeFailure';
import { saveBlob } from '../app/saveBlob';

const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'md', 'json'];

interface Props {
  boardId: string;
  token: string;
  /** A frozen version; without it the latest frozen list, else the draft (marked as not frozen) or the latest results. */
  version?: number;
}

/** XLSX, CSV, Markdown and JSON buttons. The export needs the token, sent as a header, so the file arrives as a Blob. */
export function ExportDownloads({ boardId, token, version }: Props) {
  const t = useT();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const { blob, filename } = await fetchExport(boardId, token, format, version);
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
