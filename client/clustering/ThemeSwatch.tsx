/**
 * A theme's colour with its number in the board's order on it: there are eight colours, so from the ninth theme on
 * the number tells two themes of one colour apart.
 */
export function ThemeSwatch({ color, number }: { color: string; number: number }) {
  return (
    <span className="swatch swatch-numbered" style={{ background: color }} aria-hidden="true">
      {number}
    </span>
  );
}
