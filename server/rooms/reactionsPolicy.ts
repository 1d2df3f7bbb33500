import * as Y from 'yjs';
import { cardsOf } from '../../shared/boardDoc.js';
import { CommentFieldsSchema, judgeCommentFields, judgePlenaryQuestionFields, PlenaryQuestionFieldsSchema } from '../../shared/boardSchema.js';
import { commentsOf } from '../../shared/comments.js';
import { LIMITS } from '../../shared/limits.js';
import { authorOfNewCards, isOwnCard, may, type CardAuthorship, type Situation } from '../../shared/permissions.js';
import { questionsOf } from '../../shared/plenaryQuestions.js';
import { parseReactionKey, reactionsOf } from '../../shared/reactions.js';
import type { Writer } from '../auth/Access.js';
import { isNewInTransaction, type AnyType, type Location } from './changeLocation.js';

export const REACTION_ROOTS = ['reactions', 'comments', 'questions'] as const;
type ReactionRoot = (typeof REACTION_ROOTS)[number];

export function isReactionRoot(root: string | undefined): root is ReactionRoot {
  return (REACTION_ROOTS as readonly string[]).includes(root ?? '');
}

/** What one change asks of the policy: who writes, under which names, and the workshop as it is now. */
interface Judged {
  tr: Y.Transaction;
  doc: Y.Doc;
  writer: Writer;
  self: CardAuthorship;
  now: Situation;
}

/**
 * Who may +1, comment and ask the plenary (BoardPolicy hands it the changes under these roots). Each person adds
 * only under the name their new cards carry, so marks and comments are exactly as anonymous as cards. The marks
 * each person holds are counted here from the accepted document, so the per-person cap costs one lookup; comments
 * and questions are counted by a walk bounded by their per-board caps.
 */
export class ReactionsPolicy {
  private readonly marks = new Set<string>();
  private readonly marksBy = new Map<string, number>();
  /** Each accepted comment's and question's author, since a removed one no longer says who wrote it. */
  private readonly authors = { comments: new Map<string, string>(), questions: new Map<string, string>() };

  reset(doc: Y.Doc): void {
    this.marks.clear();
    this.marksBy.clear();
    reactionsOf(doc).forEach((_, key) => this.indexMark(key, true));
    for (const root of ['comments', 'questions'] as const) {
      this.authors[root].clear();
      entriesOf(doc, root).forEach((entry, id) => this.authors[root].set(id, String(entry.get('author'))));
    }
  }

  accepted(tr: Y.Transaction, doc: Y.Doc): void {
    const marks = reactionsOf(doc);
    for (const key of tr.changed.get(marks as unknown as AnyType) ?? []) if (key !== null) this.indexMark(key, marks.has(key));
    for (const root of ['comments', 'questions'] as const) {
      const entries = entriesOf(doc, root);
      for (const id of tr.changed.get(entries as unknown as AnyType) ?? []) {
        if (id === null) continue;
        const entry = entries.get(id);
        if (entry) this.authors[root].set(id, String(entry.get('author')));
        else this.authors[root].delete(id);
      }
    }
  }

  private indexMark(key: string, present: boolean): void {
    const person = parseReactionKey(key)?.person;
    if (person === undefined || present === this.marks.has(key)) return;
    if (present) this.marks.add(key);
    else this.marks.delete(key);
    this.marksBy.set(person, (this.marksBy.get(person) ?? 0) + (present ? 1 : -1));
  }

  check(at: Location & { root: ReactionRoot }, type: AnyType, keys: Set<string | null>, judged: Judged): string | null {
    if (at.root === 'reactions') return at.path.length === 0 ? this.checkMarks(keys, judged) : 'a +1 holds no nested data';
    if (at.path.length === 0) return this.checkEntries(at.root, keys, judged);
    const id = at.path[0];
    const entry = id === null ? undefined : entriesOf(judged.doc, at.root).get(id);
    if (at.path.length > 1 || !entry || !(type instanceof Y.Map)) return `malformed ${at.root}`;
    if (entry._item && isNewInTransaction(entry._item, judged.tr)) return null; // checked whole, as a new entry
    if (!may(judged.writer.role, 'run-workshop', judged.now)) return `only the facilitator moderates ${at.root}`;
    const schema = at.root === 'comments' ? CommentFieldsSchema.shape : PlenaryQuestionFieldsSchema.shape;
    const moderated: readonly string[] = at.root === 'comments' ? ['hidden'] : ['answered', 'pickedAt'];
    for (const key of keys) {
      if (key === null || !moderated.includes(key)) return `${at.root} field "${String(key).slice(0, 24)}" cannot be changed`;
      if (!schema[key as keyof typeof schema].safeParse(entry.get(key)).success) return `${at.root} field "${key}" has the wrong type`;
    }
    return null;
  }

  private checkMarks(keys: Set<string | null>, { doc, writer, self, now }: Judged): string | null {
    const marks = reactionsOf(doc);
    const me = authorOfNewCards(self, now.settings);
    let added = 0;
    for (const key of keys) {
      const mark = key === null ? null : parseReactionKey(key);
      if (key === null || mark === null) return 'a +1 names its card and its person';
      if (!marks.has(key)) {
        if (!isOwnCard(mark.person, self)) return 'only your own +1 can be taken back';
        continue;
      }
      if (mark.person !== me) return 'a +1 must carry its own person';
      if (marks.get(key) !== true) return 'a +1 is true';
      if (this.marks.has(key)) continue;
      const action = cardsOf(doc).has(mark.target) ? 'react' : questionsOf(doc).has(mark.target) ? 'ask-question' : null;
      if (action === null) return 'a +1 needs a card or question on the board';
      if (!may(writer.role, action, now)) return action === 'react' ? 'no +1 while cards are written silently' : 'the questions round is closed';
      added++;
    }
    if (added > 0 && (this.marksBy.get(me) ?? 0) + added > LIMITS.maxReactionsPerPerson) {
      return `a person holds at most ${LIMITS.maxReactionsPerPerson} +1s (maxReactionsPerPerson)`;
    }
    return null;
  }

  private checkEntries(root: 'comments' | 'questions', keys: Set<string | null>, judged: Judged): string | null {
    const { tr, doc, writer, self, now } = judged;
    const entries = entriesOf(doc, root);
    for (const id of keys) {
      if (id === null) return `malformed ${root}`;
      const entry = entries.get(id);
      const existing = this.authors[root].get(id);
      if (entry === undefined) {
        if (existing !== undefined && !isOwnCard(existing, self) && !may(writer.role, 'run-workshop', now)) return `only its author or the facilitator removes one of the ${root}`;
        continue;
      }
      if (existing !== undefined || !(entry instanceof Y.Map) || !entry._item || !isNewInTransaction(entry._item, tr)) return `one of the ${root} cannot be replaced`;
      const refusal = root === 'comments' ? this.checkNewComment(entry, judged) : this.checkNewQuestion(entry, judged);
      if (refusal) return refusal;
    }
    return null;
  }

  private checkNewComment(comment: Y.Map<unknown>, { doc, writer, self, now }: Judged): string | null {
    if (!may(writer.role, 'react', now)) return 'no comments while cards are written silently';
    const refusal = judgeCommentFields(comment);
    if (refusal) return refusal;
    if (comment.get('author') !== authorOfNewCards(self, now.settings)) return 'a comment must carry its own author';
    if (comment.get('hidden') !== false) return 'a new comment is shown';
    const card = comment.get('card');
    if (!cardsOf(doc).has(card as string)) return 'a comment needs a card on the board';
    const comments = commentsOf(doc);
    if (comments.size > LIMITS.maxCommentsPerBoard) return `a board holds at most ${LIMITS.maxCommentsPerBoard} comments (maxCommentsPerBoard)`;
    let onCard = 0;
    comments.forEach((other) => {
      if (other.get('card') === card) onCard++;
    });
    return onCard > LIMITS.maxCommentsPerCard ? `a card holds at most ${LIMITS.maxCommentsPerCard} comments (maxCommentsPerCard)` : null;
  }

  private checkNewQuestion(question: Y.Map<unknown>, { doc, writer, self, now }: Judged): string | null {
    if (!may(writer.role, 'ask-question', now)) return 'the questions round is closed';
    const refusal = judgePlenaryQuestionFields(question);
    if (refusal) return refusal;
    const author = authorOfNewCards(self, now.settings);
    if (question.get('author') !== author) return 'a question must carry its own author';
    if (question.get('answered') !== false || question.get('pickedAt') !== null) return 'a new question is open and not picked';
    const questions = questionsOf(doc);
    if (questions.size > LIMITS.maxQuestionsPerBoard) return `a board holds at most ${LIMITS.maxQuestionsPerBoard} questions (maxQuestionsPerBoard)`;
    let asked = 0;
    questions.forEach((other) => {
      if (other.get('author') === author) asked++;
    });
    return asked > LIMITS.maxQuestionsPerPerson ? `a person asks at most ${LIMITS.maxQuestionsPerPerson} questions (maxQuestionsPerPerson)` : null;
  }
}

function entriesOf(doc: Y.Doc, root: 'comments' | 'questions'): Y.Map<Y.Map<unknown>> {
  return root === 'comments' ? commentsOf(doc) : questionsOf(doc);
}
