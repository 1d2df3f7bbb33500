import type { KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { useT } from '../../app/i18n';
import { BoardHistory } from './BoardHistory';
import { useBoardHistory } from './useBoardHistory';
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

/** The last destructive change, with an Undo right beside it; it stays until dismissed or undone. */
export function UndoNotice({ boardDoc }: { boardDoc: Y.Doc }) {
  const t = useT();
  const { history, state } = useBoardHistory(boardDoc);
  return (
    <div className="undo-notice-region" role="status">
      {state.notice && (
        <div className="undo-notice" key={state.notice.id}>
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

/** Ctrl+Z / Ctrl+Shift+Z (⌘ on a Mac) on the board, except where a text field has its own undo. */
export function undoShortcut(boardDoc: Y.Doc) {
  return (event: KeyboardEvent) => {
    const key = event.key.toLowerCase();
    if (!(event.ctrlKey || event.metaKey) || (key !== 'z' && key !== 'y')) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    event.preventDefault();
    const history = BoardHistory.of(boardDoc);
    if (key === 'y' || event.shiftKey) history.redo();
    else history.undo();
  };
}
