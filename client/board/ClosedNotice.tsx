import { useT } from '../app/i18n';
import { useFormats } from '../app/useFormats';

/** Tells everyone the workshop is closed: readable, not changeable, and exportable by those who may export. */
export function ClosedNotice({ closedAt, canExport }: { closedAt: number; canExport: boolean }) {
  const t = useT();
  const format = useFormats();
  return (
    <section className="notice closed-notice" aria-labelledby="closed-heading">
      <h2 id="closed-heading">{t('closing.closedTitle')}</h2>
      <p>
        {t(canExport ? 'closing.closedBody' : 'closing.closedBodyReadOnly')} {t('closing.closedSince', { date: format.dateTime(closedAt) })}
      </p>
    </section>
  );
}
