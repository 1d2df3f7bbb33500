import { useT } from '../app/i18n';

export function ContestedBadge() {
  const t = useT();
  return (
    <span className="contested-badge" title={t('results.contestedExplained')}>
      <span aria-hidden="true">⚑ </span>
      {t('results.contested')}
    </span>
  );
}
