import { readCards } from '../../shared/boardDoc';
import { readDrafts } from '../../shared/draftsDoc';
import { draftsRoom, privateListRoom } from '../../shared/rooms';
import { useT } from '../app/i18n';
import { AddCardForm } from '../cards/AddCardForm';
import { CardItem } from '../cards/CardItem';
import { useSyncedRoom } from '../kernel/sync/useSyncedRoom';
import { useBoard } from '../kernel/BoardContext';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import './silent.css';

const NOBODY: string[] = [];
const ignoreTyping = () => undefined;

/**
 * A participant's cards during silent collect live in a private document only they (and, derived, the
 * facilitator) receive; on reveal the server copies them onto the board with their authors.
 */
export function PrivateCards({ participantId, author }: { participantId: string; author: string }) {
  const t = useT();
  const { boardId, token } = useBoard();
  const doc = useSyncedRoom(privateListRoom(boardId, participantId), token);
  const cards = useDocSelector(doc, (list) => (list ? readCards(list) : []));
  if (!doc) return null;
  return (
    <section className="panel private-cards" aria-labelledby="private-heading">
      <h3 id="private-heading">{t('silent.ownCount', { count: cards.length })}</h3>
      <p className="hint">{t('silent.privateHint')}</p>
      <AddCardForm boardDoc={doc} authorId={participantId} cardCount={cards.length} />
      {cards.length === 0 ? (
        <p className="muted">{t('silent.privateEmpty')}</p>
      ) : (
        <ul className="card-list">
          {cards.map((card) => (
            <CardItem key={card.id} boardDoc={doc} card={card} body="" author={author} own editable typing={NOBODY} onTyping={ignoreTyping} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The facilitator's live view of everyone's silent cards, as plain text the server derives; each author sees their own. */
export function SilentDrafts({ authorOf }: { authorOf: (authorId: string) => string }) {
  const t = useT();
  const { boardId, token } = useBoard();
  const doc = useSyncedRoom(draftsRoom(boardId), token);
  const drafts = useDocSelector(doc, (drafts) => (drafts ? readDrafts(drafts) : []));
  return (
    <section className="panel drafts" aria-labelledby="drafts-heading">
      <h3 id="drafts-heading">{t('silent.allCount', { count: drafts.length })}</h3>
      <p className="hint">{t('silent.draftsHint')}</p>
      {drafts.length === 0 ? (
        <p className="muted">{t('silent.draftsEmpty')}</p>
      ) : (
        <ul className="draft-list">
          {drafts.map((draft) => (
            <li key={draft.id}>
              <strong>{draft.title}</strong> <span className="muted">{authorOf(draft.author)}</span>
              {draft.bodyText && <p className="card-body">{draft.bodyText}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
