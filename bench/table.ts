/** One line of the results table: a figure, what it is compared with, and the target it answers to. */
export interface Row {
  section: string;
  measure: string;
  value: string;
  baseline?: string;
  ratio?: string;
  target?: string;
  /** undefined: no target; null: could not be judged. */
  met?: boolean | null;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : 'n/a');
export const kB = (bytes: number) => `${(Math.abs(bytes) < 51 ? 0 : bytes / 1024).toFixed(1)} kB`;
export const spreadMs = (s: { p50: number; p99: number; max: number }) => `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)}`;

export function renderTable(rows: Row[]): string {
  const header: Row = { section: 'section', measure: 'measure', value: 'forumboard', baseline: 'baseline', ratio: 'ratio', target: 'target', met: undefined };
  const cells = (r: Row) => [r.section, r.measure, r.value, r.baseline ?? '', r.ratio ?? '', r.target ?? '', r === header ? 'met' : metLabel(r.met)];
  const lines = [header, ...rows].map(cells);
  const widths = lines[0].map((_, col) => Math.max(...lines.map((l) => l[col].length)));
  const format = (l: string[]) => l.map((cell, col) => cell.padEnd(widths[col])).join(' | ').trimEnd();
  return [format(lines[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.slice(1).map(format)].join('\n');
}

function metLabel(met: boolean | null | undefined): string {
  if (met === undefined) return '';
  if (met === null) return 'n/a';
  return met ? 'yes' : 'NO';
}
