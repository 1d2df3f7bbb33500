/**
 * The one rounding rule for every figure a person reads, on screen, in the report and in every export
 * format: a figure is a percentage rounded half away from zero to one decimal, and a trailing ",0" is
 * not written. Balanced scores are percentages already; consensus (0–1) is read as a percentage too, so
 * the room never compares "89" with "0,89".
 */
export const FIGURE_DECIMALS = 1;

const SCALE = 10 ** FIGURE_DECIMALS;

/** A percentage as it is shown and exported: 37.45 → 37.5, 12.25 → 12.3, 40 → 40. */
export function roundFigure(percent: number): number {
  // 37.45 × 10 is 374.49999999999994 in binary; twelve significant digits bring back the 374.5 people wrote.
  const shifted = Number((Math.abs(percent) * SCALE).toPrecision(12));
  return (Math.sign(percent) * Math.round(shifted)) / SCALE || 0;
}

/** A group-balanced score (0–100) as shown and exported. */
export function balancedFigure(balanced: number): number {
  return roundFigure(balanced);
}

/** A consensus (0–1) as shown and exported: a percentage. */
export function consensusFigure(consensus: number): number {
  return roundFigure(consensus * 100);
}

/** A rounded figure written in a language's own decimal separator, without grouping ("1234,5"). */
export function formatFigure(figure: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: FIGURE_DECIMALS, useGrouping: false }).format(figure);
}
