import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { cardBody, plainText, type CardView } from '../../../shared/boardDoc';
import { FACILITATOR_ID, type BoardMeta } from '../../../shared/controlDoc';
import { findGroup } from '../../../shared/groups';
import { useT } from '../../app/i18n';
import type { Abilities } from '../abilities';
import { useCards, useParticipants, usePresence } from '../useBoardData';
import { AddCardForm } from './AddCardForm';
import { CardItem } from './CardItem';

interface Props {
  boardDoc: Y.Doc;
  controlDoc: Y.Doc;
  meta: BoardMeta;
  abilities: Abilities;
  presence: Awareness;
  onTyping: (cardId: string | null) => void;
}

export function CardsSection({ boardDoc, controlDoc, meta, abilities, presence, onTyping }: Props) {
  const t = useT();
  const cards = useCards(boardDoc);
  const participants = useParticipants(controlDoc);
  const entries = usePresence(presence);

  const bodies = useMemo(() => new Map(cards.map((c) => [c.id, plainTextOf(boardDoc, c.id)])), [boardDoc, cards]);

  const typingByCard = useMemo(() => {
    const byCard = new Map<string, string[]>();
    for (const entry of entries) {
      if (entry.self || !entry.typing || !entry.user) continue;
      byCard.set(entry.typing, [...(byCard.get(entry.typing) ?? []), entry.user.name || t(`role.${entry.user.role}`)]);
    }
    return byCard;
  }, [entries, t]);

  const authorOf = (card: CardView): string => {
    if (card.author === FACILITATOR_ID) return t('role.facilitator');
    const person = participants.get(card.author);
    if (!person) return t('cards.unknownAuthor');
    const group = findGroup(meta.groups, person.group)?.name;
    return group ? t('cards.byWithGroup', { name: person.name, group }) : t('cards.by', { name: person.name });
  };

  return (
    <section className="cards-section" aria-labelledby="cards-heading">
      <div className="section-head">
        <h2 id="cards-heading">{t('cards.heading')}</h2>
        <span className="count">{t('cards.count', { count: cards.length })}</span>
      </div>
      {meta.settings.silentCollect && abilities.role === 'participant' && <p className="notice">{t('settings.silentNotice')}</p>}
      {abilities.addCards && abilities.authorId ? (
        <AddCardForm boardDoc={boardDoc} authorId={abilities.authorId} cardCount={cards.length} />
      ) : (
        abilities.role === 'participant' && <p className="muted">{t('cards.closed')}</p>
      )}
      {cards.length === 0 ? (
        <p className="muted">{t('cards.empty')}</p>
      ) : (
        <ul className="card-list">
          {cards.map((card) => (
            <CardItem
              key={card.id}
              boardDoc={boardDoc}
              card={card}
              body={bodies.get(card.id) ?? ''}
              author={authorOf(card)}
              own={card.author === abilities.authorId}
              editable={abilities.editCard(card)}
              typing={typingByCard.get(card.id) ?? NOBODY}
              onTyping={onTyping}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

const NOBODY: string[] = [];

function plainTextOf(doc: Y.Doc, cardId: string): string {
  const body = cardBody(doc, cardId);
  return body ? plainText(body) : '';
}
