import { readSeating } from '../../shared/controlDoc';
import type { Seating } from '../../shared/tables/seating';
import { useBoard } from '../kernel/BoardContext';
import { useDocSelector } from '../kernel/sync/useDocSelector';

/** The breakout tables and who sits where, as the control document shows them. */
export function useSeating(): Seating {
  const { controlDoc } = useBoard();
  return useDocSelector(controlDoc, readSeating);
}
