import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addCard } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import { useT } from '../../app/i18n';

export function AddCardForm({ boardDoc, authorId, cardCount }: { boardDoc: Y.Doc; authorId: string; cardCount: number }) {
  const t = useT();
  const id = useId();
  const [title, setTitle] = useState('');
  const full = cardCount >= LIMITS.maxCardsPerBoard;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '' || full) return;
    addCard(boardDoc, { title: trimmed, author: authorId });
    setTitle('');
  };

  return (
    <form className="add-card" onSubmit={submit}>
      <label htmlFor={id}>{t('cards.addLabel')}</label>
      <div className="add-card-row">
        <input
          id={id}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={LIMITS.maxCardTitle}
          placeholder={t('cards.addPlaceholder')}
          autoComplete="off"
          disabled={full}
        />
        <button type="submit" className="primary" disabled={full || title.trim() === ''}>
          {t('cards.add')}
        </button>
      </div>
      {full && <p className="form-error">{t('cards.limitReached')}</p>}
    </form>
  );
}
