import type * as Y from 'yjs';
import { readPresentation, type PresentationStep } from '../../shared/presentation';
import { useDocSelector } from '../kernel/sync/useDocSelector';

/** How far the facilitator has stepped through a revealed ranking on the projector. */
export function usePresentation(controlDoc: Y.Doc): PresentationStep | null {
  return useDocSelector(controlDoc, readPresentation);
}
