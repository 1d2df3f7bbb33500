import { memo, useEffect, useId, useRef, useState, type CSSProperties, type DOMAttributes, type FormEvent, type ReactNode, type Ref } from 'react';
import type * as Y from 'yjs';
import { deleteCard, setCardTitle, type CardView } from '../../shared/boardDoc';
import { LIMITS } from '../../shared/limits';
import { useT } from '../app/i18n';
import { BoardHistory } from '../kernel/history/BoardHistory';
import { CardReactionBar } from './CardReactionBar';
import { useTableLabel } from '../kernel/useTableLabel';
import './cards.css';

/** How a card repeats another: the same title once normalised, or nearly (same words, a typo or two). */
export type Duplicate = 'exact' | 'near';

export interface CardItemProps {
  boardDoc: Y.Doc;
  card: CardView;
  body: string;
  /** Who wrote it, or '' when cards are anonymous. */
  author: string;
  own: boolean;
  editable: boolean;
  /** Names of the others typing in this card now. */
  typing: string[];
  onTyping: (cardId: string | null) => void;
  onOpenDetail?: (cardId: string) => void;
  /** The workshop's language, so the browser hyphenates the card's words by its rules. */
  lang?: string;
  /** 4 inside the clustering view, where a tile is kept to a few lines. */
  headingLevel?: 3 | 4;
  /** What the clustering view adds: a drag handle, moving by menu, selecting, and the draggable's node and listeners. */
  dragHandle?: ReactNode;
  onMoveRequest?: (cardId: string) => void;
  onTakeOut?: (cardId: string) => void;
  selected?: boolean;
  onToggleSelect?: (cardId: string) => void;
  duplicate?: Duplicate;
  /** What the clustering help shows inside the card: cards merged with it, suggested duplicates. */
  addOn?: ReactNode;
  rootRef?: Ref<HTMLLIElement>;
  rootStyle?: CSSProperties;
  rootListeners?: DOMAttributes<HTMLLIElement>;
  accent?: string;
  /** +1s and comments, absent while they are not shown (silent collect); plain values, so unchanged cards skip rendering. */
  plusOnes?: number;
  plusOned?: boolean;
  comments?: number;
  /** Absent for who may not +1. */
  onPlusOne?: (cardId: string) => void;
}

/** The props every card view shares, whether in the flat list or inside a theme. */
export type CardPropsOf = (card: CardView) => Omit<CardItemProps, 'headingLevel'>;

type Mode = 'view' | 'menu' | 'edit' | 'confirmDelete';

/** A card as a sticky note: its title large, who wrote it small, and every action behind one button. */
export const CardItem = memo(function CardItem(props: CardItemProps) {
  const { boardDoc, card, body, author, own, editable, typing, onTyping, onOpenDetail, headingLevel = 3 } = props;
  const t = useT();
  const tableLabel = useTableLabel();
  const menuId = useId();
  const [mode, setMode] = useState<Mode>('view');
  const [draft, setDraft] = useState(card.title);
  const editRef = useRef<HTMLInputElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const Heading = `h${headingLevel}` as const;

  useEffect(() => {
    if (mode === 'edit') editRef.current?.focus();
    if (mode === 'menu') menuRef.current?.querySelector('button')?.focus();
  }, [mode]);

  const close = () => {
    setMode('view');
    onTyping(null);
    requestAnimationFrame(() => menuButtonRef.current?.focus());
  };

  // Rights can end while a form is open (the phase moved on): close it rather than offer a refused change.
  useEffect(() => {
    if (!editable && (mode === 'edit' || mode === 'confirmDelete')) close();
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

  const remove = () =>
    BoardHistory.of(boardDoc).change(() => deleteCard(boardDoc, card.id), t('undo.cardDeleted', { title: card.title }));

  // The menu's item goes away as its dialog opens: the menu's button stays, so the dialog gives the focus back there.
  const pick = (action: () => void) => () => {
    menuButtonRef.current?.focus();
    setMode('view');
    action();
  };

  // Each item's name says which card it acts on, for screen readers that list buttons out of context.
  const menuItems: Array<{ key: string; label: string; name: string; run: () => void }> = [];
  const title = card.title;
  if (onOpenDetail) menuItems.push({ key: 'detail', label: t('detail.open'), name: t('detail.openLabel', { title }), run: pick(() => onOpenDetail(card.id)) });
  if (editable) menuItems.push({ key: 'edit', label: t('cards.edit'), name: t('cards.editLabel', { title }), run: startEdit });
  if (props.onMoveRequest) menuItems.push({ key: 'move', label: t('move.open'), name: `${t('move.open')} ${title}`, run: pick(() => props.onMoveRequest?.(card.id)) });
  if (props.onTakeOut && card.cluster) {
    menuItems.push({ key: 'out', label: t('cluster.splitOut'), name: t('cluster.splitOutLabel', { title }), run: pick(() => props.onTakeOut?.(card.id)) });
  }
  if (editable) menuItems.push({ key: 'delete', label: t('cards.delete'), name: t('cards.deleteLabel', { title }), run: () => setMode('confirmDelete') });

  const classes = ['card', 'card-note'];
  if (own) classes.push('card-own');
  if (props.selected) classes.push('card-selected');
  if (props.duplicate) classes.push(`card-dup-${props.duplicate}`);

  return (
    <li
      ref={props.rootRef}
      style={{ ...props.rootStyle, ...(props.accent ? { borderTopColor: props.accent } : {}) }}
      className={classes.join(' ')}
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
        <div className={`card-head${props.onToggleSelect || props.dragHandle ? ' card-head-tools' : ''}`}>
          {props.onToggleSelect && (
            <input
              type="checkbox"
              className="card-select"
              checked={props.selected ?? false}
              onChange={() => props.onToggleSelect?.(card.id)}
              aria-label={t('select.card', { title: card.title })}
            />
          )}
          {props.dragHandle}
          <Heading className="card-title" lang={props.lang}>
            {card.title}
          </Heading>
          {menuItems.length > 0 && (
            <button
              type="button"
              ref={menuButtonRef}
              className="card-menu-button"
              aria-expanded={mode === 'menu'}
              aria-controls={mode === 'menu' ? menuId : undefined}
              aria-label={t('cardMenu.openLabel', { title: card.title })}
              onClick={() => setMode(mode === 'menu' ? 'view' : 'menu')}
            >
              <span aria-hidden="true">⋯</span>
            </button>
          )}
        </div>
      )}
      {mode !== 'edit' && body && (
        <p className="card-body" lang={props.lang}>
          {body}
        </p>
      )}
      {(author || own || props.duplicate || card.table || props.plusOnes !== undefined) && (
        <div className="card-meta">
          {author && <span>{author}</span>}
          {card.table && <span className="table-badge">{t('tables.fromTable', { table: tableLabel(card.table) })}</span>}
          {own && <span className="own-badge">{t('cards.yours')}</span>}
          {props.duplicate && (
            <span
              className="dup-badge"
              role="img"
              aria-label={`${t(props.duplicate === 'exact' ? 'dup.badgeExact' : 'dup.badgeNear')}: ${t(props.duplicate === 'exact' ? 'dup.exact' : 'dup.near')}`}
              title={t(props.duplicate === 'exact' ? 'dup.exact' : 'dup.near')}
            >
              <span className="dup-mark">{props.duplicate === 'exact' ? '=' : '≈'}</span>
              <span className="dup-word">{t(props.duplicate === 'exact' ? 'dup.badgeExact' : 'dup.badgeNear')}</span>
            </span>
          )}
          {/* In the meta line, not a line of its own, so a theme still shows as many cards at a glance. */}
          {props.plusOnes !== undefined && mode !== 'edit' && (
            <CardReactionBar
              cardId={card.id}
              title={card.title}
              plusOnes={props.plusOnes}
              plusOned={props.plusOned ?? false}
              comments={props.comments ?? 0}
              onPlusOne={props.onPlusOne}
              onOpenComments={onOpenDetail}
              compact={headingLevel === 4}
            />
          )}
        </div>
      )}
      {props.addOn}
      {typing.length > 0 && (
        <p className="typing" aria-live="polite">
          {t('cards.typing', { names: typing.join(', ') })}
        </p>
      )}
      {mode === 'menu' && (
        <ul id={menuId} ref={menuRef} className="card-menu" onKeyDown={(e) => e.key === 'Escape' && close()}>
          {menuItems.map((item) => (
            <li key={item.key}>
              <button type="button" onClick={item.run} aria-label={item.name}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editable && mode === 'confirmDelete' && (
        <div className="card-actions confirm" role="group" aria-label={t('cards.confirmDelete')}>
          <span>{t('cards.confirmDelete')}</span>
          <button type="button" className="danger" onClick={remove} autoFocus>
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
