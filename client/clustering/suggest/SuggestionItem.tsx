import { useId } from 'react';
import type { SuggestedTheme } from '../../../shared/suggestions/api';
import { LIMITS } from '../../../shared/limits';
import { useT } from '../../app/i18n';

export type Decision = 'open' | 'accept' | 'reject';

interface Props {
  index: number;
  suggestion: SuggestedTheme;
  /** The name a new theme will get, as the facilitator edited it. */
  title: string;
  /** For a suggestion into an existing theme: its name now, or null when it was removed meanwhile. */
  existingTitle: string | null | undefined;
  decision: Decision;
  cards: Array<{ id: string; title: string; stale: boolean }>;
  onRename: (index: number, title: string) => void;
  onDecide: (index: number, decision: Decision) => void;
}

/** One suggested theme in the preview: its name (editable when new), its cards, and Accept or Reject. */
export function SuggestionItem({ index, suggestion, title, existingTitle, decision, cards, onRename, onDecide }: Props) {
  const t = useT();
  const id = useId();
  const isNew = suggestion.themeId === undefined;
  const name = isNew ? title : (existingTitle ?? suggestion.title);
  return (
    <li className={`suggestion suggestion-${decision}`}>
      {isNew ? (
        <div className="suggestion-name">
          <label htmlFor={`${id}-title`}>{t('suggest.titleLabel')}</label>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={LIMITS.maxClusterTitle}
            disabled={decision === 'reject'}
            onChange={(e) => onRename(index, e.target.value)}
          />
        </div>
      ) : (
        <p className="suggestion-name">
          <strong>{t('suggest.existingTheme', { title: name })}</strong>
          {existingTitle === null && <span className="suggestion-warning"> {t('suggest.themeGone')}</span>}
        </p>
      )}
      <p className="muted">{t('suggest.cardCount', { count: cards.length })}</p>
      <ul className="suggestion-cards">
        {cards.map((card) => (
          <li key={card.id} className={card.stale ? 'suggestion-card-stale' : undefined}>
            {card.title}
            {card.stale && <span className="suggestion-warning"> — {t('suggest.stale')}</span>}
          </li>
        ))}
      </ul>
      <div className="suggestion-decision" role="group" aria-label={name}>
        <button
          type="button"
          className={decision === 'accept' ? 'primary' : undefined}
          aria-pressed={decision === 'accept'}
          aria-label={t('suggest.acceptLabel', { title: name })}
          onClick={() => onDecide(index, decision === 'accept' ? 'open' : 'accept')}
        >
          {decision === 'accept' && <span aria-hidden="true">✓ </span>}
          {t('suggest.accept')}
        </button>
        <button
          type="button"
          aria-pressed={decision === 'reject'}
          aria-label={t('suggest.rejectLabel', { title: name })}
          onClick={() => onDecide(index, decision === 'reject' ? 'open' : 'reject')}
        >
          {decision === 'reject' && <span aria-hidden="true">✕ </span>}
          {t('suggest.reject')}
        </button>
      </div>
    </li>
  );
}
