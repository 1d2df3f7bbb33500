import { useState } from 'react';
import { createDemoBoard } from '../api/serverApi';
import { describeFailure } from '../app/describeFailure';
import { useLanguage, useT } from '../app/i18n';
import { navigate, paths } from '../app/router';
import { saveToken } from '../session/tokens';

/** Opens a filled sample workshop in the reader's language, as its facilitator, to try everything at once. */
export function DemoWorkshopButton() {
  const t = useT();
  const { language } = useLanguage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await createDemoBoard(language);
      saveToken(created.boardId, created.facilitatorToken);
      navigate(paths.board(created.boardId));
    } catch (failure) {
      setBusy(false);
      setError(describeFailure(failure, t));
    }
  };

  return (
    <section className="panel demo" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('start.demo.heading')}</h2>
      <p>{t('start.demo.body')}</p>
      <button type="button" onClick={open} disabled={busy}>
        {t('start.demo.open')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
