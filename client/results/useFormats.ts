import { useMemo } from 'react';
import { useLanguage } from '../app/i18n';

/** Numbers and times in the reader's locale; scores and consensus with the decimals the tally publishes. */
export function useFormats() {
  const { locale } = useLanguage();
  return useMemo(() => {
    const score = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const consensus = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    return {
      score: (value: number) => score.format(value),
      consensus: (value: number | null) => (value === null ? '–' : consensus.format(value)),
      time: (ms: number) => time.format(ms),
      dateTime: (ms: number) => dateTime.format(ms),
    };
  }, [locale]);
}
