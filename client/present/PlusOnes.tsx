/** A card's +1s after its title on the wall, when it has any. */
export function PlusOnes({ count }: { count: number | undefined }) {
  if (!count) return null;
  return <span className="projector-plus-one-badge">{` +${count}`}</span>;
}
