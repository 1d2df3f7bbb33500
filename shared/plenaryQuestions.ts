import * as Y from 'yjs';
import { inWritingOrder, newId } from './boardDoc.js';
import { byPlusOnes } from './reactions.js';

/**
 * Questions to the plenary, in the board document: one map per question, written by its author while the
 * questions round is open (settings.questionsOpen); the facilitator picks the current one and marks answers.
 * Their +1s are marks in shared/reactions.ts with the question's id as the target.
 */
export function questionsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('questions');
}

export interface PlenaryQuestionView {
  id: string;
  text: string;
  author: string;
  createdAt: number;
  answered: boolean;
  pickedAt: number | null;
}

export function askQuestion(doc: Y.Doc, input: { text: string; author: string }): string {
  const id = newId();
  doc.transact(() => {
    const question = new Y.Map<unknown>();
    question.set('text', input.text.trim());
    question.set('author', input.author);
    question.set('createdAt', Date.now());
    question.set('answered', false);
    question.set('pickedAt', null);
    questionsOf(doc).set(id, question);
  });
  return id;
}

export function readQuestions(doc: Y.Doc): PlenaryQuestionView[] {
  const out: PlenaryQuestionView[] = [];
  questionsOf(doc).forEach((question, id) => {
    const pickedAt = question.get('pickedAt');
    out.push({
      id,
      text: String(question.get('text') ?? ''),
      author: String(question.get('author') ?? ''),
      createdAt: Number(question.get('createdAt') ?? 0),
      answered: question.get('answered') === true,
      pickedAt: typeof pickedAt === 'number' ? pickedAt : null,
    });
  });
  return out.sort(inWritingOrder);
}

/**
 * The order of the wall and the phones: the current question, then open questions by +1s (ties oldest first),
 * then the answered ones.
 */
export function plenaryOrder(questions: readonly PlenaryQuestionView[], plusOnes: Readonly<Record<string, number>>): { current: PlenaryQuestionView | null; rest: PlenaryQuestionView[] } {
  const current = questions.filter((q) => !q.answered && q.pickedAt !== null).sort((a, b) => b.pickedAt! - a.pickedAt!)[0] ?? null;
  const others = questions.filter((q) => q !== current);
  return { current, rest: [...byPlusOnes(others.filter((q) => !q.answered), plusOnes), ...others.filter((q) => q.answered)] };
}

export function pickQuestion(doc: Y.Doc, id: string): void {
  questionsOf(doc).get(id)?.set('pickedAt', Date.now());
}

export function setQuestionAnswered(doc: Y.Doc, id: string, answered: boolean): void {
  questionsOf(doc).get(id)?.set('answered', answered);
}

export function deleteQuestion(doc: Y.Doc, id: string): void {
  questionsOf(doc).delete(id);
}
