import { useMemo } from 'react';
import type * as Y from 'yjs';
import { readPresentation, type PresentationStep } from '../../shared/presentation';
import { useDocVersion } from '../board/useBoardData';

/** How far the facilitator has stepped through a revealed ranking on the projector. */
export function usePresentation(controlDoc: Y.Doc): PresentationStep | null {
  const version = useDocVersion(controlDoc);
  return useMemo(() => readPresentation(controlDoc), [controlDoc, version]);
}
