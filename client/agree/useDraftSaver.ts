import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgreementDraftBody } from '../../shared/api';
import type { BoardApi } from '../kernel/commands/boardApi';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'failed'; error: unknown };

/** Typing in an owner field should not send a request per key. */
const SAVE_DELAY_MS = 600;

/** Saves the facilitator's draft a moment after the last change; `flush` saves at once (before freezing). */
export function useDraftSaver(api: BoardApi) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const pending = useRef<AgreementDraftBody | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    const draft = pending.current;
    if (!draft) return true;
    pending.current = null;
    setStatus({ kind: 'saving' });
    try {
      await api.saveAgreementDraft(draft);
      setStatus({ kind: 'saved', at: Date.now() });
      return true;
    } catch (error) {
      pending.current ??= draft;
      setStatus({ kind: 'failed', error });
      return false;
    }
  }, [api]);

  const save = useCallback(
    (draft: AgreementDraftBody) => {
      pending.current = draft;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the agree phase right after an edit should not lose it.
  useEffect(() => () => void flush(), [flush]);
  return { status, save, flush };
}
