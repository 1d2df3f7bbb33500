import { useT } from '../app/i18n';
import { useFormats } from '../app/useFormats';

/** Tells everyone the workshop is closed: readable, exportable, not changeable. */
export function ClosedNotice({ closedAt }: { closedAt: number }) {
  const t = useT();
  const format = useFormats();
  return (
    <section className="notice closed-notice" aria-labelledby="closed-heading">
      <h2 id="closed-heading">{t('closing.closedTitle')}</h2>
      <p>
        {t('closing.closedBody')} {t('closing.closedSince', { date: format.dateTime(closedAt) })}
      </p>
    </section>
  );
}
