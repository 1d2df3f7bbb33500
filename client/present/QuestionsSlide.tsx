import { plenaryOrder } from '../../shared/plenaryQuestions';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { usePlenaryQuestions, useReactions } from '../kernel/useBoardData';

/** Open questions listed under the current one: each takes at most two lines, so five fit any 16:9 screen. */
const LISTED = 5;

/**
 * While the questions round is open, whatever the phase: the question being answered large, then the open ones
 * most +1 first, each with its count; answered questions leave the wall.
 */
export function QuestionsSlide() {
  const t = useT();
  const { boardDoc } = useBoard();
  const questions = usePlenaryQuestions(boardDoc);
  const { count } = useReactions(boardDoc);
  const { current, rest } = plenaryOrder(questions, count);
  const open = rest.filter((question) => !question.answered);
  const listed = open.slice(0, LISTED);
  return (
    <div className="slide questions-slide">
      <h2>{t('present.questionsHeading')}</h2>
      {current ? (
        <section className="projector-current-question" aria-label={t('questions.current')}>
          <p className="projector-count">{t('questions.current')}</p>
          <p className="projector-current-text">{current.text}</p>
        </section>
      ) : (
        open.length === 0 && <p className="big-number">{t('present.questionsEmpty')}</p>
      )}
      {listed.length > 0 && (
        <ol className="projector-questions">
          {listed.map((question) => (
            <li key={question.id}>
              <span className="projector-plus-ones">+{count[question.id] ?? 0}</span>
              <span className="projector-question-text">{question.text}</span>
            </li>
          ))}
          {open.length > LISTED && <li className="projector-count">{t('present.questionsMore', { count: open.length - LISTED })}</li>}
        </ol>
      )}
    </div>
  );
}
