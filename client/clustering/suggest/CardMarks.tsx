import type * as Y from 'yjs';
import type { CardView } from '../../../shared/boardDoc';
import { mergeCards, separateCard } from '../../../shared/cardMerge';
import { useT } from '../../app/i18n';
import type { CardItemProps } from '../../cards/CardItem';
import { BoardHistory } from '../../kernel/history/BoardHistory';
import './suggest.css';

interface Props {
  boardDoc: Y.Doc;
  card: CardView;
  /** The cards merged into this one, each with its own text and author as the board shows them. */
  merged: Array<Pick<CardItemProps, 'card' | 'body' | 'author'>>;
  /** Cards the suggestions found saying nearly the same as this one. */
  partners: CardView[];
  canCluster: boolean;
}

/**
 * Inside a card: the cards merged with it, each still with its own text and author, and the suggested
 * duplicates with "Merge these cards".
 */
export function CardMarks({ boardDoc, card, merged, partners, canCluster }: Props) {
  const t = useT();
  const history = BoardHistory.of(boardDoc);

  const merge = (other: CardView) => {
    const outcome = { joined: '' };
    history.change(
      () => {
        outcome.joined = mergeCards(boardDoc, card.id, other.id)?.joined ?? '';
      },
      t('dupPair.mergedNotice', { title: card.title, other: other.title }),
    );
    // The joined card leaves the list; the keyboard continues at it, now inside the card that leads.
    requestAnimationFrame(() => document.getElementById(`merged-${outcome.joined}`)?.focus());
  };

  return (
    <div className="card-marks">
      {merged.map(({ card: other, body, author }) => (
        <section key={other.id} id={`merged-${other.id}`} tabIndex={-1} className="merged-card" aria-label={t('dupPair.merged', { title: card.title })}>
          <p className="merged-title">{other.title}</p>
          {body && <p className="merged-body">{body}</p>}
          <p className="card-meta">
            {author && <span>{author}</span>}
            {canCluster && (
              <button type="button" aria-label={t('dupPair.unmergeLabel', { title: other.title, other: card.title })} onClick={() => history.change(() => separateCard(boardDoc, other.id))}>
                {t('dupPair.unmerge')}
              </button>
            )}
          </p>
        </section>
      ))}
      {partners.map((other) => (
        <p key={other.id} className="dup-pair">
          <span className="dup-pair-badge" title={t('dupPair.label', { title: other.title })}>
            <span aria-hidden="true">≈ </span>
            {t('dupPair.badge', { title: other.title })}
          </span>
          {canCluster && (
            <button type="button" aria-label={t('dupPair.mergeLabel', { title: card.title, other: other.title })} onClick={() => merge(other)}>
              {t('dupPair.merge')}
            </button>
          )}
        </p>
      ))}
    </div>
  );
}
