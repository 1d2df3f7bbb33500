import { useState } from 'react';
import type { RegisterExportQuery } from '../../shared/register';
import { fetchRegisterFile } from '../api/serverApi';
import { describeFailure } from '../app/describeFailure';
import { useT } from '../app/i18n';
import { saveBlob } from '../app/saveBlob';

const FORMATS: Array<RegisterExportQuery['format']> = ['xlsx', 'csv', 'json', 'ics'];

/** The register as files, fetched with the reader's token in a header and handed to the browser's download. */
export function RegisterDownloads({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: RegisterExportQuery['format']) => {
    setBusy(true);
    setError(null);
    try {
      const { blob, filename } = await fetchRegisterFile(boardId, token, format);
      saveBlob(blob, filename);
    } catch (failure) {
      setError(describeFailure(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="register-downloads" role="group" aria-label={t('register.downloads')}>
      {FORMATS.map((format) => (
        <button key={format} type="button" disabled={busy} onClick={() => download(format)}>
          {t(`register.download.${format}`)}
        </button>
      ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
