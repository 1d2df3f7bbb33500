import { useId, useState, type FormEvent } from 'react';
import { addComment, deleteComment, setCommentHidden } from '../../shared/comments';
import { LIMITS } from '../../shared/limits';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useComments } from '../kernel/useBoardData';

interface Props {
  cardId: string;
  /** The name a new comment carries (the card key while cards are anonymous); null for who may not comment now. */
  author: string | null;
  /** The facilitator hides, shows again and removes comments, and sees the hidden ones. */
  moderate: boolean;
  /** Who wrote a comment, '' when cards are anonymous. */
  authorOf: (author: string) => string;
  anonymous: boolean;
}

/** The comments on one card, in its detail: read by everyone, written by participants, moderated by the facilitator. */
export function CardComments({ cardId, author, moderate, authorOf, anonymous }: Props) {
  const t = useT();
  const { boardDoc } = useBoard();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const comments = useComments(boardDoc).filter((comment) => comment.card === cardId && (moderate || !comment.hidden));

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (author === null || draft.trim() === '') return;
    addComment(boardDoc, { card: cardId, text: draft, author });
    setDraft('');
  };

  return (
    <section className="card-comments" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>
        {t('comments.heading')} <span aria-live="polite">({comments.length})</span>
      </h3>
      {comments.length === 0 ? (
        <p className="muted">{t('comments.none')}</p>
      ) : (
        <ul>
          {comments.map((comment) => (
            <li key={comment.id} className={comment.hidden ? 'comment comment-hidden' : 'comment'}>
              <p>{comment.text}</p>
              {(authorOf(comment.author) || comment.hidden) && (
                <p className="card-meta">
                  {authorOf(comment.author)}
                  {comment.hidden && <span> · {t('comments.hidden')}</span>}
                </p>
              )}
              {moderate && (
                <div className="card-actions">
                  <button
                    type="button"
                    aria-label={t(comment.hidden ? 'comments.showLabel' : 'comments.hideLabel', { text: comment.text })}
                    onClick={() => setCommentHidden(boardDoc, comment.id, !comment.hidden)}
                  >
                    {t(comment.hidden ? 'comments.show' : 'comments.hide')}
                  </button>
                  <button type="button" className="danger" aria-label={t('comments.removeLabel', { text: comment.text })} onClick={() => deleteComment(boardDoc, comment.id)}>
                    {t('comments.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {author !== null && (
        <form className="comment-form" onSubmit={send}>
          <label htmlFor={inputId}>{t('comments.label')}</label>
          <div className="comment-line">
            <input id={inputId} value={draft} maxLength={LIMITS.maxCommentText} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
            <button type="submit" className="primary" disabled={draft.trim() === ''}>
              {t('comments.send')}
            </button>
          </div>
          {anonymous && <p className="hint">{t('comments.anonymous')}</p>}
        </form>
      )}
    </section>
  );
}
