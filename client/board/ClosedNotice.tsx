import { useMemo } from 'react';
import { useLanguage, useT } from '../app/i18n';

/** Tells everyone the workshop is closed: readable, exportable, not changeable. */
export function ClosedNotice({ closedAt }: { closedAt: number }) {
  const t = useT();
  const { locale } = useLanguage();
  const date = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(closedAt), [locale, closedAt]);
  return (
    <section className="notice closed-notice" aria-labelledby="closed-heading">
      <h2 id="closed-heading">{t('closing.closedTitle')}</h2>
      <p>
        {t('closing.closedBody')} {t('closing.closedSince', { date })}
      </p>
    </section>
  );
}
