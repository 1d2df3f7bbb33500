import * as Y from 'yjs';
import { z } from 'zod';
import { metaOf } from './controlDoc.js';

/**
 * What the projector shows of a revealed round: its ranking item by item, as far as the facilitator has
 * stepped. It lives in the control document so every projector (and a reloaded one) shows the same step,
 * and only the facilitator's command moves it.
 */
export interface PresentationStep {
  roundId: string;
  /** How many items of the ranking are shown, counted from the last place up to the first. */
  revealed: number;
}

/** `POST /api/boards/:boardId/presentation` (facilitator). */
export const presentationBody = z
  .object({
    roundId: z.string().min(1).max(64),
    revealed: z.number().int().min(0).max(500),
  })
  .strict();

export function readPresentation(doc: Y.Doc): PresentationStep | null {
  const parsed = presentationBody.safeParse(metaOf(doc).get('presentation'));
  return parsed.success ? parsed.data : null;
}

export function writePresentation(doc: Y.Doc, step: PresentationStep): void {
  metaOf(doc).set('presentation', step);
}
