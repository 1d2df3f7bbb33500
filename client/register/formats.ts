import { useMemo } from 'react';
import { useLanguage } from '../app/i18n';

/** A calendar day (YYYY-MM-DD) as the reader writes dates: the day itself, whatever their time zone. */
export function useDayFormat(): (day: string) => string {
  const { locale } = useLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
  }, [locale]);
}
