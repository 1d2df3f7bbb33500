import { useT } from '../app/i18n';

interface Props {
  cardId: string;
  title: string;
  plusOnes: number;
  plusOned: boolean;
  comments: number;
  /** Absent when this person may not +1 (an observer, the projector): the count shows without a button. */
  onPlusOne?: (cardId: string) => void;
  onOpenComments?: (cardId: string) => void;
  /** On a clustering tile: the comment count only once there are comments (the card's menu opens them anyway). */
  compact?: boolean;
}

/** A card's +1s and comments, at the foot of its tile: the +1 a toggle, the comments a way into the card. */
export function CardReactionBar({ cardId, title, plusOnes, plusOned, comments, onPlusOne, onOpenComments, compact = false }: Props) {
  const t = useT();
  return (
    <div className="card-reactions">
      {onPlusOne ? (
        <button
          type="button"
          className="plus-one"
          aria-pressed={plusOned}
          aria-label={t('reactions.plusOneLabel', { title, count: plusOnes })}
          onClick={() => onPlusOne(cardId)}
        >
          {t('reactions.plusOne')} <span className="plus-one-count">{plusOnes}</span>
        </button>
      ) : (
        plusOnes > 0 && <span className="plus-one plus-one-static">{`${t('reactions.plusOne')} ${plusOnes}`}</span>
      )}
      {onOpenComments && (!compact || comments > 0) && (
        <button type="button" className="comment-count" aria-label={t('reactions.commentsLabel', { title, count: comments })} onClick={() => onOpenComments(cardId)}>
          {t('reactions.comments', { count: comments })}
        </button>
      )}
    </div>
  );
}
