import { useMemo } from 'react';
import { balancedFigure, consensusFigure, formatFigure, roundFigure } from '../../shared/figures';
import { useLanguage } from './i18n';

/** Numbers and times in the reader's locale; scores and consensus as percentages by the one rule of shared/figures.ts. */
export function useFormats() {
  const { locale } = useLanguage();
  return useMemo(() => {
    // Formats a figure already rounded by the rule, so it only adds the locale's percent sign and spacing.
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    return {
      score: (value: number) => formatFigure(balancedFigure(value), locale),
      consensus: (value: number | null) => (value === null ? '–' : percent.format(consensusFigure(value) / 100)),
      /** A fraction (0–1), such as a group's share of its own dots, as a percentage. */
      share: (fraction: number) => percent.format(roundFigure(fraction * 100) / 100),
      time: (ms: number) => time.format(ms),
      dateTime: (ms: number) => dateTime.format(ms),
    };
  }, [locale]);
}
