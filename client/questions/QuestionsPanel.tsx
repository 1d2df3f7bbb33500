import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../shared/limits';
import { askQuestion, deleteQuestion, pickQuestion, plenaryOrder, setQuestionAnswered, type PlenaryQuestionView } from '../../shared/plenaryQuestions';
import { toggleReaction } from '../../shared/reactions';
import { useT } from '../app/i18n';
import type { Abilities } from '../kernel/abilities';
import { useBoard } from '../kernel/BoardContext';
import { CommandError } from '../kernel/commands/CommandError';
import { useCommand } from '../kernel/commands/useCommand';
import { usePlenaryQuestions, useReactions } from '../kernel/useBoardData';
import './questions.css';

interface Props {
  open: boolean;
  abilities: Abilities;
}

/**
 * The questions round on the board: the facilitator opens and closes it, picks the question being answered and
 * marks answers; participants ask from their phones and +1 the questions they want answered first.
 */
export function QuestionsPanel({ open, abilities }: Props) {
  const t = useT();
  const { boardDoc, api } = useBoard();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const { busy, failed, refusal, run } = useCommand();
  const questions = usePlenaryQuestions(boardDoc);
  const reactions = useReactions(boardDoc, abilities.isMe);
  const moderate = abilities.runWorkshop;
  // Closed, the round takes no room on the board: the facilitator opens it from the workshop tools.
  if (!open) return null;
  const { current, rest } = plenaryOrder(questions, reactions.count);
  const me = abilities.askQuestion ? abilities.newCardAuthor : null;
  const myNames = [abilities.authorId, abilities.newCardAuthor].filter((name): name is string => name !== null);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (me === null || draft.trim() === '') return;
    askQuestion(boardDoc, { text: draft, author: me });
    setDraft('');
  };

  const item = (question: PlenaryQuestionView) => {
    const count = reactions.count[question.id] ?? 0;
    return (
      <li key={question.id} className={`question-item${question === current ? ' question-current' : ''}${question.answered ? ' question-answered' : ''}`}>
        <p className="question-text">
          {question === current && <strong className="question-tag">{t('questions.current')}: </strong>}
          {question.answered && <span className="question-tag">{t('questions.answered')}: </span>}
          {question.text}
        </p>
        <div className="card-actions">
          {me !== null && !question.answered ? (
            <button
              type="button"
              className="plus-one"
              aria-pressed={reactions.mine[question.id] === true}
              aria-label={t('questions.plusOneLabel', { text: question.text, count })}
              onClick={() => toggleReaction(boardDoc, question.id, me, myNames)}
            >
              {t('reactions.plusOne')}{' '}
              <span className="plus-one-count" aria-live="polite">
                {count}
              </span>
            </button>
          ) : (
            <span className="question-count">
              {t('reactions.plusOne')} <span className="plus-one-count">{count}</span>
            </span>
          )}
          {moderate && !question.answered && question !== current && (
            <button type="button" aria-label={t('questions.pickLabel', { text: question.text })} onClick={() => pickQuestion(boardDoc, question.id)}>
              {t('questions.pick')}
            </button>
          )}
          {moderate && !question.answered && (
            <button type="button" aria-label={t('questions.markAnsweredLabel', { text: question.text })} onClick={() => setQuestionAnswered(boardDoc, question.id, true)}>
              {t('questions.markAnswered')}
            </button>
          )}
          {moderate && (
            <button type="button" className="danger" aria-label={t('questions.removeLabel', { text: question.text })} onClick={() => deleteQuestion(boardDoc, question.id)}>
              {t('questions.remove')}
            </button>
          )}
        </div>
      </li>
    );
  };

  return (
    <section className="panel questions-panel" aria-labelledby={`${inputId}-heading`}>
      <div className="section-head">
        <h2 id={`${inputId}-heading`}>{t('questions.heading')}</h2>
        {moderate && (
          <button type="button" disabled={busy} onClick={() => run(() => api.changeSettings({ questionsOpen: false }))}>
            {t('questions.close')}
          </button>
        )}
      </div>
      <CommandError failed={failed} refusal={refusal} fallback={t('settings.failed')} />
      <p className="hint">{t('questions.hint')}</p>
      {me !== null && (
        <form className="comment-form" onSubmit={send}>
          <label htmlFor={inputId}>{t('questions.label')}</label>
          <div className="comment-line">
            <input id={inputId} value={draft} maxLength={LIMITS.maxPlenaryQuestion} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
            <button type="submit" className="primary" disabled={draft.trim() === ''}>
              {t('questions.send')}
            </button>
          </div>
        </form>
      )}
      {questions.length === 0 ? (
        <p className="muted">{t('questions.none')}</p>
      ) : (
        <ul className="question-list">
          {current && item(current)}
          {rest.map(item)}
        </ul>
      )}
    </section>
  );
}

/** In the workshop tools: the questions round closed, what it is and the button that opens it for the room. */
export function QuestionsRoundSwitch() {
  const t = useT();
  const { api } = useBoard();
  const headingId = useId();
  const { busy, failed, refusal, run } = useCommand();
  return (
    <section className="panel questions-switch" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('questions.heading')}</h3>
      <p className="hint">{t('questions.closedHint')}</p>
      <CommandError failed={failed} refusal={refusal} fallback={t('settings.failed')} />
      <button type="button" disabled={busy} onClick={() => run(() => api.changeSettings({ questionsOpen: true }))}>
        {t('questions.open')}
      </button>
    </section>
  );
}
