import type { AgreementStanding } from '../../shared/agreement';
import { useT } from '../app/i18n';
import { useFormats } from '../app/useFormats';

/** Whether the list shown is the latest frozen version as it stands, a draft changed since a version, or never frozen. */
export function AgreementStandingLine({ standing, className }: { standing: AgreementStanding; className: string }) {
  const t = useT();
  const format = useFormats();
  const text =
    standing.state === 'frozen'
      ? t('agree.versionLine', { version: standing.version, date: format.dateTime(standing.frozenAt) })
      : standing.state === 'changed'
        ? t('agree.standingChanged', { version: standing.version })
        : t('agree.standingNotFrozen');
  return (
    <p className={className} data-standing={standing.state}>
      {text}
    </p>
  );
}
