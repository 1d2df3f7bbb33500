import { memo, useEffect, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { deleteCard, setCardTitle, type CardView } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import { useT } from '../../app/i18n';

interface Props {
  boardDoc: Y.Doc;
  card: CardView;
  body: string;
  author: string;
  own: boolean;
  editable: boolean;
  /** Names of the others typing in this card now. */
  typing: string[];
  onTyping: (cardId: string | null) => void;
}

type Mode = 'view' | 'edit' | 'confirmDelete';

export const CardItem = memo(function CardItem({ boardDoc, card, body, author, own, editable, typing, onTyping }: Props) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(card.title);
  const editRef = useRef<HTMLInputElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode === 'edit') editRef.current?.focus();
  }, [mode]);

  // Rights can end while a form is open (the phase moved on): close it rather than offer a refused change.
  useEffect(() => {
    if (!editable && mode !== 'view') close();
  }, [editable]);

  const close = () => {
    setMode('view');
    onTyping(null);
    requestAnimationFrame(() => actionRef.current?.focus());
  };

  const startEdit = () => {
    setDraft(card.title);
    setMode('edit');
    onTyping(card.id);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = draft.trim();
    if (trimmed !== '' && trimmed !== card.title) setCardTitle(boardDoc, card.id, trimmed);
    close();
  };

  return (
    <li className={`card${own ? ' card-own' : ''}`}>
      {mode === 'edit' ? (
        <form className="card-edit" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && close()}>
          <label htmlFor={`title-${card.id}`} className="visually-hidden">
            {t('cards.titleLabel')}
          </label>
          <input
            id={`title-${card.id}`}
            ref={editRef}
            value={draft}
            maxLength={LIMITS.maxCardTitle}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="card-actions">
            <button type="submit" className="primary">
              {t('cards.save')}
            </button>
            <button type="button" onClick={close}>
              {t('cards.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <h3 className="card-title">{card.title}</h3>
          {body && <p className="card-body">{body}</p>}
        </>
      )}
      <p className="card-meta">
        <span>{author}</span>
        {own && <span className="own-badge">{t('cards.yours')}</span>}
      </p>
      {typing.length > 0 && (
        <p className="typing" aria-live="polite">
          {t('cards.typing', { names: typing.join(', ') })}
        </p>
      )}
      {editable && mode === 'view' && (
        <div className="card-actions">
          <button type="button" ref={actionRef} onClick={startEdit} aria-label={t('cards.editLabel', { title: card.title })}>
            {t('cards.edit')}
          </button>
          <button type="button" onClick={() => setMode('confirmDelete')} aria-label={t('cards.deleteLabel', { title: card.title })}>
            {t('cards.delete')}
          </button>
        </div>
      )}
      {editable && mode === 'confirmDelete' && (
        <div className="card-actions confirm" role="group" aria-label={t('cards.confirmDelete')}>
          <span>{t('cards.confirmDelete')}</span>
          <button type="button" className="danger" onClick={() => deleteCard(boardDoc, card.id)} autoFocus>
            {t('cards.confirmDeleteYes')}
          </button>
          <button type="button" onClick={close}>
            {t('cards.cancel')}
          </button>
        </div>
      )}
    </li>
  );
});
