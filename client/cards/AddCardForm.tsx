import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { LIMITS } from '../../shared/limits';
import { useT } from '../app/i18n';
import { SingleLineAddForm } from '../app/SingleLineAddForm';
import { RefusedCardResend } from './RefusedCardResend';

export function AddCardForm({ boardDoc, authorId, cardCount }: { boardDoc: Y.Doc; authorId: string; cardCount: number }) {
  const t = useT();
  const resend = useRef(new RefusedCardResend()).current;
  useEffect(() => resend.settle(boardDoc, authorId), [resend, boardDoc, authorId]);
  return (
    <SingleLineAddForm
      label={t('cards.addLabel')}
      placeholder={t('cards.addPlaceholder')}
      submitLabel={t('cards.add')}
      maxLength={LIMITS.maxCardTitle}
      fullMessage={cardCount >= LIMITS.maxCardsPerBoard ? t('cards.limitReached') : null}
      onAdd={(title) => resend.add(boardDoc, title, authorId)}
    />
  );
}
