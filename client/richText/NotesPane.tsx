import { useState } from 'react';
import { notesOf } from '../../shared/boardDoc';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { LazyRichText } from './LazyRichText';

/** The facilitator's minutes; everyone else reads along live. The editor mounts only while the pane is open. */
export function NotesPane({ editable, initiallyOpen }: { editable: boolean; initiallyOpen: boolean }) {
  const t = useT();
  const { boardDoc } = useBoard();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="panel notes" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('notes.heading')}</summary>
      <p className="hint">{t('notes.hint')}</p>
      {open && <LazyRichText fragment={notesOf(boardDoc)} editable={editable} label={t('notes.label')} />}
    </details>
  );
}
