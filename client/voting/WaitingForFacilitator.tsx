import { useT } from '../app/i18n';

/**
 * A strictly anonymous workshop's late join, until a facilitator lets them vote: said in place of the ballot. Being let
 * in draws them among the participants of the control document, and the ballot takes this place at once.
 */
export function WaitingForFacilitator() {
  const t = useT();
  return (
    <section className="notice waiting-notice" role="status" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t('waiting.heading')}</h2>
      <p>{t('waiting.body')}</p>
    </section>
  );
}
