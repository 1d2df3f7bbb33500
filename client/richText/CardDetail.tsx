import { useEffect, useRef, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { cardBody, type CardView } from '../../shared/boardDoc';
import { closeOnEditorEscape } from '../app/closeOnEditorEscape';
import { useT } from '../app/i18n';
import { LazyRichText } from './LazyRichText';
import './rich-text.css';

interface Props {
  boardDoc: Y.Doc;
  card: CardView;
  author: string;
  editable: boolean;
  onTyping: (cardId: string | null) => void;
  onClose: () => void;
  /** What the board shows below the body: the card's comments. */
  children?: ReactNode;
}

/** The open card: a modal dialog with the card's live rich-text body. */
export function CardDetail({ boardDoc, card, author, editable, onTyping, onClose, children }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const fragment = cardBody(boardDoc, card.id);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => {
      element?.close();
      onTyping(null);
    };
  }, [onTyping]);

  return (
    <dialog ref={dialog} className="modal card-detail" aria-labelledby="card-detail-title" onClose={onClose} onKeyDown={closeOnEditorEscape}>
      <div className="card-detail-head">
        <h2 id="card-detail-title">{card.title}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('detail.close')}
        </button>
      </div>
      <p className="card-meta">{author}</p>
      {fragment && (
        <LazyRichText
          fragment={fragment}
          editable={editable}
          label={t('detail.bodyLabel')}
          onFocusChange={(focused) => onTyping(focused ? card.id : null)}
        />
      )}
      {!editable && <p className="hint">{t('detail.readOnly')}</p>}
      {children}
    </dialog>
  );
}
