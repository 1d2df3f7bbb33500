import { useState } from 'react';
import type { ParticipantInfo } from '../../shared/controlDoc';
import { SaveOrCancel } from '../app/SaveOrCancel';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useFormCommand } from '../kernel/commands/useFormCommand';

/** The facilitator's confirmation of a removal, with the choice of what becomes of the person's cards. */
export function RemovePersonForm({
  person,
  cardCount,
  onDone,
}: {
  person: Pick<ParticipantInfo, 'id' | 'name'>;
  /** Null while cards are anonymous: the browser cannot tell whose they are. */
  cardCount: number | null;
  onDone: (removed: boolean) => void;
}) {
  const t = useT();
  const { api } = useBoard();
  const [cards, setCards] = useState<'keep' | 'delete'>('keep');
  const { busy, error, submit } = useFormCommand();
  const remove = submit(async () => {
    await api.removeParticipant(person.id, { cards });
    onDone(true);
  });

  const heading = t('people.removeHeading', { name: person.name });
  return (
    <form className="person-form person-remove" onSubmit={remove} aria-label={heading}>
      <p className="person-form-heading">{heading}</p>
      <p className="muted">{t('people.removeExplain')}</p>
      <fieldset>
        <legend>{cardCount === null ? t('people.removeCardsLegendAnonymous') : t('people.removeCardsLegend', { count: cardCount })}</legend>
        <label className="checkbox">
          <input type="radio" name={`cards-${person.id}`} value="keep" checked={cards === 'keep'} onChange={() => setCards('keep')} autoFocus />
          <span>{t('people.keepCards')}</span>
        </label>
        <label className="checkbox">
          <input type="radio" name={`cards-${person.id}`} value="delete" checked={cards === 'delete'} onChange={() => setCards('delete')} />
          <span>{t('people.deleteCards')}</span>
        </label>
      </fieldset>
      <SaveOrCancel error={error} busy={busy} saveLabel={t('people.confirmRemove', { name: person.name })} cancelLabel={t('people.cancel')} onCancel={() => onDone(false)} destructive />
    </form>
  );
}
