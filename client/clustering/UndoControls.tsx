import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { Phase } from '../../shared/phases';
import { useT } from '../app/i18n';
import { BoardHistory } from '../kernel/history/BoardHistory';
import { useBoardHistory } from '../kernel/history/useBoardHistory';
import './undo.css';

/** Undo and Redo buttons for this person's own board changes. */
export function UndoButtons({ boardDoc }: { boardDoc: Y.Doc }) {
  const t = useT();
  const { history, state } = useBoardHistory(boardDoc);
  return (
    <div className="undo-buttons" role="group" aria-label={t('undo.undo')}>
      <button type="button" onClick={history.undo} disabled={!state.canUndo} aria-label={t('undo.undoLabel')} aria-keyshortcuts="Control+Z">
        ↶ {t('undo.undo')}
      </button>
      <button type="button" onClick={history.redo} disabled={!state.canRedo} aria-label={t('undo.redoLabel')} aria-keyshortcuts="Control+Shift+Z">
        ↷ {t('undo.redo')}
      </button>
    </div>
  );
}

/** How long a notice offers its Undo while the pointer and the focus are elsewhere. */
const NOTICE_MS = 15_000;

/**
 * The last destructive change, with an Undo right beside it, while the change is fresh: it goes after
 * NOTICE_MS (not while the pointer or the focus is on it) and when the workshop moves to another phase, where
 * undoing may no longer be allowed. Undo in the toolbar and Ctrl+Z still take the change back.
 */
export function UndoNotice({ boardDoc, phase }: { boardDoc: Y.Doc; phase: Phase }) {
  const t = useT();
  const { history, state } = useBoardHistory(boardDoc);
  const [held, setHeld] = useState(false);
  useEffect(() => history.dismissNotice(), [history, phase]);
  useEffect(() => {
    if (!state.notice || held) return;
    const timer = setTimeout(history.dismissNotice, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [history, state.notice, held]);
  const hold = { onPointerEnter: () => setHeld(true), onPointerLeave: () => setHeld(false), onFocus: () => setHeld(true), onBlur: () => setHeld(false) };
  return (
    <div className="undo-notice-region" role="status">
      {state.notice && (
        <div className="undo-notice" key={state.notice.id} {...hold}>
          <span>{state.notice.message}</span>
          {state.canUndo && (
            <button type="button" className="primary" onClick={history.undo}>
              {t('undo.undo')}
            </button>
          )}
          <button type="button" onClick={history.dismissNotice}>
            {t('undo.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Inputs that take no typing, where Ctrl+Z has nothing of its own to undo. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

/**
 * Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac) act on the board wherever the focus is on its page (a click beside the board
 * left the browser's own undo to put an old search back), except in a text field, which has its own undo.
 */
export function useUndoShortcut(boardDoc: Y.Doc, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if (!(event.ctrlKey || event.metaKey) || (key !== 'z' && key !== 'y')) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('textarea, select, [contenteditable="true"]')) return;
      if (target instanceof HTMLInputElement && !NOT_TYPED.has(target.type)) return;
      event.preventDefault();
      const history = BoardHistory.of(boardDoc);
      if (key === 'y' || event.shiftKey) history.redo();
      else history.undo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [boardDoc, enabled]);
}
