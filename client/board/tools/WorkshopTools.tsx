import { useId, useRef, type ReactNode } from 'react';
import { closeOnEditorEscape } from '../../app/closeOnEditorEscape';
import { useT } from '../../app/i18n';
import './workshop-tools.css';

/**
 * The facilitator's tools (invite, settings, access, people, notes) in a drawer, so the board comes first on
 * the screen. A modal <dialog> gives the keyboard and screen readers what they expect for free: focus moves in,
 * stays in, Escape closes; on closing, focus goes back to the button that opened it.
 */
export function WorkshopTools({ children }: { children: ReactNode }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const close = () => dialog.current?.close();
  return (
    <>
      <button ref={opener} type="button" className="tools-open" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {t('tools.open')}
      </button>
      <dialog
        ref={dialog}
        className="tools-drawer"
        aria-labelledby={headingId}
        onClose={() => opener.current?.focus()}
        // A click on the dimmed backdrop lands on the dialog element itself, never on its content.
        onClick={(event) => event.target === event.currentTarget && close()}
        onKeyDown={closeOnEditorEscape}
      >
        <div className="tools-head">
          <h2 id={headingId}>{t('tools.heading')}</h2>
          <button type="button" onClick={close}>
            {t('tools.close')}
          </button>
        </div>
        {children}
      </dialog>
    </>
  );
}
