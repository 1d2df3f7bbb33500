import { useMemo } from 'react';
import { useLanguage } from '../app/i18n';

/** Numbers and times in the reader's language; scores and consensus with the decimals the tally publishes. */
export function useFormats() {
  const { language } = useLanguage();
  return useMemo(() => {
    const score = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const consensus = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const time = new Intl.DateTimeFormat(language, { timeStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' });
    return {
      score: (value: number) => score.format(value),
      consensus: (value: number | null) => (value === null ? '–' : consensus.format(value)),
      time: (ms: number) => time.format(ms),
      dateTime: (ms: number) => dateTime.format(ms),
    };
  }, [language]);
}
