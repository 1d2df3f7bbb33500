import { useT } from '../app/i18n';
import type { RevealedRound } from '../kernel/useRounds';

/** Picks one of several revealed rounds; with only one there is nothing to pick, so nothing is shown. */
export function RoundSelect({ label, revealed, value, onChange }: { label: string; revealed: RevealedRound[]; value: string; onChange: (roundId: string) => void }) {
  const t = useT();
  if (revealed.length < 2) return null;
  return (
    <label className="field round-picker">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {revealed.map(({ round }) => (
          <option key={round.id} value={round.id}>
            {t('results.roundOption', { number: round.number, items: round.items.length })}
          </option>
        ))}
      </select>
    </label>
  );
}
