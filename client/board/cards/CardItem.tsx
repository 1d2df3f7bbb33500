import { memo, useEffect, useRef, useState, type CSSProperties, type DOMAttributes, type FormEvent, type ReactNode, type Ref } from 'react';
import type * as Y from 'yjs';
import { deleteCard, setCardTitle, type CardView } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import { useT } from '../../app/i18n';

export interface CardItemProps {
  boardDoc: Y.Doc;
  card: CardView;
  body: string;
  author: string;
  own: boolean;
  editable: boolean;
  /** Names of the others typing in this card now. */
  typing: string[];
  onTyping: (cardId: string | null) => void;
  onOpenDetail?: (cardId: string) => void;
  headingLevel?: 3 | 4;
  /** What the clustering view adds: a drag handle, more actions, and the draggable's node and pointer listeners. */
  dragHandle?: ReactNode;
  extraActions?: ReactNode;
  rootRef?: Ref<HTMLLIElement>;
  rootStyle?: CSSProperties;
  rootListeners?: DOMAttributes<HTMLLIElement>;
  accent?: string;
}

type Mode = 'view' | 'edit' | 'confirmDelete';

export const CardItem = memo(function CardItem(props: CardItemProps) {
  const { boardDoc, card, body, author, own, editable, typing, onTyping, onOpenDetail, headingLevel = 3 } = props;
  const t = useT();
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(card.title);
  const editRef = useRef<HTMLInputElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  const Heading = `h${headingLevel}` as const;

  useEffect(() => {
    if (mode === 'edit') editRef.current?.focus();
  }, [mode]);

  const close = () => {
    setMode('view');
    onTyping(null);
    requestAnimationFrame(() => actionRef.current?.focus());
  };

  // Rights can end while a form is open (the phase moved on): close it rather than offer a refused change.
  useEffect(() => {
    if (!editable && mode !== 'view') close();
  }, [editable]);

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
    <li
      ref={props.rootRef}
      style={{ ...props.rootStyle, ...(props.accent ? { borderTopColor: props.accent } : {}) }}
      className={`card${own ? ' card-own' : ''}`}
      {...props.rootListeners}
    >
      {mode === 'edit' ? (
        <form className="card-edit" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && close()}>
          <label htmlFor={`title-${card.id}`} className="visually-hidden">
            {t('cards.titleLabel')}
          </label>
          <input id={`title-${card.id}`} ref={editRef} value={draft} maxLength={LIMITS.maxCardTitle} onChange={(e) => setDraft(e.target.value)} />
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
        <div className="card-head">
          {props.dragHandle}
          <Heading className="card-title">{card.title}</Heading>
        </div>
      )}
      {mode !== 'edit' && body && <p className="card-body">{body}</p>}
      <p className="card-meta">
        <span>{author}</span>
        {own && <span className="own-badge">{t('cards.yours')}</span>}
      </p>
      {typing.length > 0 && (
        <p className="typing" aria-live="polite">
          {t('cards.typing', { names: typing.join(', ') })}
        </p>
      )}
      {mode === 'view' && (onOpenDetail || editable || props.extraActions) && (
        <div className="card-actions">
          {onOpenDetail && (
            <button type="button" onClick={() => onOpenDetail(card.id)} aria-label={t('detail.openLabel', { title: card.title })}>
              {t('detail.open')}
            </button>
          )}
          {editable && (
            <>
              <button type="button" ref={actionRef} onClick={startEdit} aria-label={t('cards.editLabel', { title: card.title })}>
                {t('cards.edit')}
              </button>
              <button type="button" onClick={() => setMode('confirmDelete')} aria-label={t('cards.deleteLabel', { title: card.title })}>
                {t('cards.delete')}
              </button>
            </>
          )}
          {props.extraActions}
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
