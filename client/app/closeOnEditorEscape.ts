import type { KeyboardEvent } from 'react';

/**
 * A modal dialog's keydown handler. The rich-text editor takes Escape for itself (ProseMirror prevents the browser's
 * default), which kept a dialog open while its editor had the focus: Escape there closes the dialog like anywhere else.
 */
export function closeOnEditorEscape(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key === 'Escape' && (event.target as HTMLElement).isContentEditable) event.currentTarget.close();
}
