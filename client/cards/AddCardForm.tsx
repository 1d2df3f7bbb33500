import type * as Y from 'yjs';
import { addCard } from '../../shared/boardDoc';
import { LIMITS } from '../../shared/limits';
import { useT } from '../app/i18n';
import { SingleLineAddForm } from '../app/SingleLineAddForm';

export function AddCardForm({ boardDoc, authorId, cardCount }: { boardDoc: Y.Doc; authorId: string; cardCount: number }) {
  const t = useT();
  return (
    <SingleLineAddForm
      label={t('cards.addLabel')}
      placeholder={t('cards.addPlaceholder')}
      submitLabel={t('cards.add')}
      maxLength={LIMITS.maxCardTitle}
      fullMessage={cardCount >= LIMITS.maxCardsPerBoard ? t('cards.limitReached') : null}
      onAdd={(title) => addCard(boardDoc, { title, author: authorId })}
    />
  );
}
