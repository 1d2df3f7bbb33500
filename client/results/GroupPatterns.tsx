/**
 * A fill per group: a colour-blind-safe colour (Okabe–Ito) plus a pattern, so groups stay apart in a
 * black-and-white print and for readers who cannot tell the colours apart.
 */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];
const MARKS = [
  '',
  'M0,8 L8,0',
  'M2,2 h1.5 v1.5 h-1.5 z M6,6 h1.5 v1.5 h-1.5 z',
  'M0,4 H8',
  'M0,8 L8,0 M0,0 L8,8',
  'M4,0 V8',
  'M0,0 L8,8',
  'M0,4 H8 M4,0 V8',
];

export function groupFill(idPrefix: string, index: number): string {
  return `url(#${idPrefix}-g${index % COLOURS.length})`;
}

/** The <defs> every chart and legend swatch refers to; render it once per chart. */
export function GroupPatternDefs({ idPrefix }: { idPrefix: string }) {
  return (
    <defs>
      {COLOURS.map((colour, i) => (
        <pattern key={colour} id={`${idPrefix}-g${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill={colour} />
          {MARKS[i] && <path d={MARKS[i]} stroke="#1b1f2a" strokeOpacity="0.6" strokeWidth="1.2" fill={i === 2 ? '#1b1f2a' : 'none'} />}
        </pattern>
      ))}
    </defs>
  );
}
