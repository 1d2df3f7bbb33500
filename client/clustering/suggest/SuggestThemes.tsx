import { useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { CardView, ClusterView } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import type { DuplicatePair, SuggestedTheme } from '../../../shared/suggestions/api';
import { describeFailure } from '../../app/describeFailure';
import { useT } from '../../app/i18n';
import { BoardHistory } from '../../kernel/history/BoardHistory';
import { useBoard } from '../../kernel/BoardContext';
import { applyPlan, fingerprint, planSuggestions, takeFingerprints } from './applySuggestions';
import { SuggestionItem, type Decision } from './SuggestionItem';
import './suggest.css';

interface Props {
  boardDoc: Y.Doc;
  cards: CardView[];
  bodies: ReadonlyMap<string, string>;
  clusters: ClusterView[];
  /** How many pairs of cards the board marks as possible duplicates (possibleDuplicates), once the suggestions are in. */
  duplicatePairs: number;
  /** How many more pairs, less alike, were found and not marked. */
  moreDuplicatePairs: number;
  /** The near-duplicate pairs of the last suggestions, for the cards to show. */
  onDuplicates?: (pairs: DuplicatePair[]) => void;
}

type Review =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; themes: SuggestedTheme[]; fetched: ReadonlyMap<string, string>; decisions: Decision[]; titles: string[] };

/**
 * "Suggest themes": the server's suggestions in a modal preview, where each is accepted (a new theme's name
 * edited first if wanted) or rejected, alone or all at once. Nothing changes on the board until Apply, which
 * makes every accepted theme and move as one change: everyone sees it at once, and one Undo takes it back.
 */
export function SuggestThemes({ boardDoc, cards, bodies, clusters, duplicatePairs, moreDuplicatePairs, onDuplicates }: Props) {
  const t = useT();
  const { api, tableId } = useBoard();
  const dialog = useRef<HTMLDialogElement>(null);
  const [review, setReview] = useState<Review | null>(null);
  const request = useRef(0);

  const open = () => {
    const asked = ++request.current;
    setReview({ state: 'loading' });
    dialog.current?.showModal();
    (tableId ? api.fetchTableSuggestions(tableId) : api.fetchSuggestions()).then(
      ({ themes, duplicates }) => {
        if (asked !== request.current) return;
        const fetched = takeFingerprints(boardDoc, themes.flatMap((s) => s.cardIds));
        setReview({ state: 'ready', themes, fetched, decisions: themes.map(() => 'open'), titles: themes.map((s) => s.title) });
        onDuplicates?.(duplicates);
      },
      (error: unknown) => {
        if (asked === request.current) setReview({ state: 'failed', message: describeFailure(error, t) });
      },
    );
  };

  const close = () => dialog.current?.close();
  // A closed preview is forgotten, and an answer still on its way is dropped when it comes.
  const forget = () => {
    request.current += 1;
    setReview(null);
  };

  const byId = new Map(cards.map((card) => [card.id, card]));
  const clusterTitles = new Map(clusters.map((c) => [c.id, c.title]));
  const isStale = (fetched: ReadonlyMap<string, string>) => (id: string) => {
    const card = byId.get(id);
    return !card || fingerprint(card, bodies.get(id) ?? '') !== fetched.get(id);
  };

  const decide = (index: number | 'all', decision: Decision) =>
    setReview((current) =>
      current?.state === 'ready' ? { ...current, decisions: current.decisions.map((d, i) => (index === 'all' || i === index ? decision : d)) } : current,
    );
  const rename = (index: number, title: string) =>
    setReview((current) => (current?.state === 'ready' ? { ...current, titles: current.titles.map((x, i) => (i === index ? title : x)) } : current));

  const body = () => {
    if (review === null) return null;
    if (review.state === 'loading') return <p role="status">{t('suggest.loading')}</p>;
    if (review.state === 'failed') return <p role="alert">{review.message}</p>;
    const duplicates = duplicatePairs > 0 && (
      <p>
        {t('suggest.duplicates', { count: duplicatePairs })}
        {moreDuplicatePairs > 0 && ` ${t('suggest.duplicatesMore', { count: moreDuplicatePairs })}`}
      </p>
    );
    if (review.themes.length === 0) {
      return (
        <>
          <p role="status">{t('suggest.none')}</p>
          {duplicates}
        </>
      );
    }
    const stale = isStale(review.fetched);
    const staleCount = new Set(review.themes.flatMap((s) => s.cardIds).filter(stale)).size;
    const accepted = review.themes.map((suggestion, i) => ({ suggestion, title: review.titles[i] })).filter((_, i) => review.decisions[i] === 'accept');
    const nameless = accepted.some((a) => a.suggestion.themeId === undefined && a.title.trim() === '');
    const tooMany = accepted.filter((a) => a.suggestion.themeId === undefined).length > LIMITS.maxClustersPerBoard - clusters.length;
    const apply = () => {
      const plan = planSuggestions(boardDoc, accepted, review.fetched);
      const notice = plan.skipped > 0 ? t('suggest.appliedSkipped', { count: plan.moved, skipped: plan.skipped }) : t('suggest.applied', { count: plan.moved });
      BoardHistory.of(boardDoc).change(() => applyPlan(boardDoc, plan), notice);
      close();
    };
    return (
      <>
        <p>{t('suggest.intro')}</p>
        <p className="suggest-stale-count" role="status">
          {staleCount > 0 && t('suggest.staleCount', { count: staleCount })}
        </p>
        <div className="suggest-all" role="group" aria-label={t('suggest.heading')}>
          <button type="button" onClick={() => decide('all', 'accept')}>
            {t('suggest.acceptAll')}
          </button>
          <button type="button" onClick={() => decide('all', 'reject')}>
            {t('suggest.rejectAll')}
          </button>
        </div>
        <ol className="suggestion-list">
          {review.themes.map((suggestion, i) => (
            <SuggestionItem
              key={i}
              index={i}
              suggestion={suggestion}
              title={review.titles[i]}
              existingTitle={suggestion.themeId === undefined ? undefined : (clusterTitles.get(suggestion.themeId) ?? null)}
              decision={review.decisions[i]}
              cards={suggestion.cardIds.map((id) => ({ id, title: byId.get(id)?.title ?? '', stale: stale(id) }))}
              onRename={rename}
              onDecide={decide}
            />
          ))}
        </ol>
        {duplicates}
        <div className="suggest-actions">
          {nameless && <p role="alert">{t('suggest.titleMissing')}</p>}
          {tooMany && <p role="alert">{t('suggest.full')}</p>}
          <button type="button" className="primary" disabled={accepted.length === 0 || nameless} onClick={apply}>
            {t('suggest.apply', { count: accepted.length })}
          </button>
        </div>
      </>
    );
  };

  return (
    <>
      <button type="button" className="suggest-open" onClick={open} aria-haspopup="dialog">
        {t('suggest.open')}
      </button>
      <dialog ref={dialog} className="modal suggest-dialog" aria-labelledby="suggest-dialog-title" onClose={forget}>
        <div className="suggest-head">
          <h2 id="suggest-dialog-title">{t('suggest.heading')}</h2>
          <button type="button" onClick={close}>
            {t('suggest.cancel')}
          </button>
        </div>
        {body()}
      </dialog>
    </>
  );
}
