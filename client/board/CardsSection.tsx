import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { CardView } from '../../shared/boardDoc';
import { FACILITATOR_ID, type BoardMeta } from '../../shared/controlDoc';
import { REMOVED_PARTICIPANT } from '../../shared/people';
import { findGroup } from '../../shared/groups';
import { reactionsShown, silentCollectActive } from '../../shared/phases';
import { byPlusOnes, toggleReaction } from '../../shared/reactions';
import { useT } from '../app/i18n';
import type { Abilities } from '../kernel/abilities';
import { useBoard } from '../kernel/BoardContext';
import { CardDetail } from '../richText/CardDetail';
import { PrivateCards, SilentDrafts } from '../silent/SilentCollect';
import { useCardBodies, useCards, useComments, useParticipants, usePresence, useReactions } from '../kernel/useBoardData';
import { AddThemeForm } from '../clustering/AddThemeForm';
import { AddCardForm } from '../cards/AddCardForm';
import { CardComments } from '../cards/CardComments';
import { CardItem, type CardPropsOf } from '../cards/CardItem';

// Drag and drop is needed from the cluster phase on; the collect phase (and phones joining then) skip it.
const ClusterBoard = lazy(() => import('../clustering/ClusterBoard'));

interface Props {
  meta: BoardMeta;
  abilities: Abilities;
  /** The control doc has arrived: until then phase and settings are the summary's guess, so offer no writing. */
  settled: boolean;
  onTyping: (cardId: string | null) => void;
}

const NOBODY: string[] = [];

export function CardsSection({ meta, abilities, settled, onTyping }: Props) {
  const t = useT();
  const { boardDoc, controlDoc, awareness } = useBoard();
  const written = useCards(boardDoc);
  const participants = useParticipants(controlDoc);
  const entries = usePresence(awareness);
  const [openCardId, setOpenCardId] = useState<string | null>(null);
  const openCard = written.find((c) => c.id === openCardId);
  const closeDetail = useCallback(() => setOpenCardId(null), []);

  const bodies = useCardBodies(boardDoc);

  const typingByCard = useMemo(() => {
    const byCard = new Map<string, string[]>();
    for (const entry of entries) {
      if (entry.self || !entry.typing || !entry.user) continue; // one's own typing needs no telling
      byCard.set(entry.typing, [...(byCard.get(entry.typing) ?? []), entry.user.name || t(`role.${entry.user.role}`)]);
    }
    return byCard;
  }, [entries, t]);

  const silent = silentCollectActive(meta.phase, meta.settings);
  const showReactions = reactionsShown(meta.phase, meta.settings);
  const reactions = useReactions(boardDoc, abilities.isMe);
  const comments = useComments(boardDoc);
  const commentCount = useMemo(() => {
    const count = new Map<string, number>();
    for (const comment of comments) if (!comment.hidden || abilities.runWorkshop) count.set(comment.card, (count.get(comment.card) ?? 0) + 1);
    return count;
  }, [comments, abilities.runWorkshop]);
  const [order, setOrder] = useState<'written' | 'plusOnes'>('written');
  const cards = useMemo(() => (showReactions && order === 'plusOnes' ? byPlusOnes(written, reactions.count) : written), [written, showReactions, order, reactions.count]);
  const reactor = abilities.react ? abilities.newCardAuthor : null;
  const myNames = [abilities.authorId, abilities.newCardAuthor].filter((name): name is string => name !== null);
  const plusOne = useCallback((cardId: string) => reactor && toggleReaction(boardDoc, cardId, reactor, myNames), [boardDoc, reactor, myNames.join('\n')]);
  const canAdd = settled && abilities.addCards && abilities.authorId !== null;
  const clustering = meta.phase !== 'setup' && meta.phase !== 'collect';

  const anonymous = meta.settings.anonymousCards;
  // With anonymous cards, which card someone types in would say who wrote it: the server drops it, and it is not sent.
  const tellTyping = anonymous ? tellNothing : onTyping;
  const authorOf = (authorId: string): string => {
    if (anonymous) return '';
    if (authorId === FACILITATOR_ID) return t('role.facilitator');
    if (authorId === REMOVED_PARTICIPANT) return t('cards.removedAuthor');
    const person = participants.get(authorId);
    if (!person) return t('cards.unknownAuthor');
    const group = findGroup(meta.groups, person.group)?.name;
    return group ? t('cards.byWithGroup', { name: person.name, group }) : t('cards.by', { name: person.name });
  };

  // What "find" looks in: the title, the body, and (unless cards are anonymous) the author and their group.
  const searchTextOf = (card: CardView): string => `${card.title}\n${bodies.get(card.id) ?? ''}\n${authorOf(card.author)}`;

  const cardProps: CardPropsOf = (card) => ({
    boardDoc,
    card,
    body: bodies.get(card.id) ?? '',
    author: authorOf(card.author),
    own: abilities.ownCard(card),
    editable: abilities.editCard(card),
    // With anonymous cards, who is typing in a card would say who wrote it.
    typing: anonymous ? NOBODY : (typingByCard.get(card.id) ?? NOBODY),
    onTyping: tellTyping,
    onOpenDetail: setOpenCardId,
    lang: meta.language,
    ...(showReactions && {
      plusOnes: reactions.count[card.id] ?? 0,
      plusOned: reactions.mine[card.id] === true,
      comments: commentCount.get(card.id) ?? 0,
      onPlusOne: reactor ? plusOne : undefined,
    }),
  });

  return (
    <section className="cards-section" aria-labelledby="cards-heading">
      <div className="section-head">
        <h2 id="cards-heading">{t('cards.heading')}</h2>
        {/* While collecting silently the cards are counted where they are: in the private lists above the board. */}
        {!silent && <span className="count">{t('cards.count', { count: cards.length })}</span>}
        {showReactions && cards.length > 1 && (
          <label className="card-order">
            {t('reactions.order')}{' '}
            <select value={order} onChange={(e) => setOrder(e.target.value as typeof order)}>
              <option value="written">{t('reactions.orderWritten')}</option>
              <option value="plusOnes">{t('reactions.orderPlusOnes')}</option>
            </select>
          </label>
        )}
      </div>
      {silent && abilities.role === 'participant' && <p className="notice">{t('settings.silentNotice')}</p>}
      {settled && silent && abilities.role === 'participant' && abilities.authorId && (
        <PrivateCards participantId={abilities.authorId} author={authorOf(abilities.authorId)} />
      )}
      {silent && abilities.runWorkshop && <SilentDrafts authorOf={authorOf} />}
      {/* One place for the form that adds a card in every phase, so what is typed survives the move to Cluster. */}
      <div className="add-forms">
        <div className="add-forms-row">
          {canAdd && abilities.newCardAuthor && <AddCardForm boardDoc={boardDoc} authorId={abilities.newCardAuthor} cardCount={cards.length} />}
          {clustering && abilities.cluster && <AddThemeForm boardDoc={boardDoc} />}
          {meta.phase === 'cluster' && !abilities.cluster && <p className="muted">{t('cluster.readOnly')}</p>}
        </div>
      </div>
      {settled && !canAdd && abilities.role === 'participant' && !silent && meta.phase === 'collect' && (
        <p className="muted">{t('cards.closed')}</p>
      )}
      {clustering ? (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <ClusterBoard
            boardDoc={boardDoc}
            cards={cards}
            bodies={bodies}
            canCluster={abilities.cluster}
            removeAtOnce={abilities.removeAtOnce}
            cardProps={cardProps}
            searchTextOf={searchTextOf}
            language={meta.language}
            phase={meta.phase}
          />
        </Suspense>
      ) : cards.length === 0 ? (
        <p className="muted">{t(silent ? 'silent.boardEmpty' : 'cards.empty')}</p>
      ) : (
        <ul className="card-list" lang={meta.language}>
          {cards.map((card) => (
            <CardItem key={card.id} {...cardProps(card)} />
          ))}
        </ul>
      )}
      {openCard && (
        <CardDetail
          boardDoc={boardDoc}
          card={openCard}
          author={authorOf(openCard.author)}
          editable={abilities.editCard(openCard)}
          onTyping={tellTyping}
          onClose={closeDetail}
        >
          {showReactions && (
            <CardComments cardId={openCard.id} author={reactor} moderate={abilities.runWorkshop} authorOf={authorOf} anonymous={anonymous} />
          )}
        </CardDetail>
      )}
    </section>
  );
}

function tellNothing(): void {}
