import * as Y from 'yjs';
import { inWritingOrder, newId } from './boardDoc.js';

/**
 * Comments on cards, in the board document: one map per comment, keyed by its id, written by its author (named as
 * their cards are: by card key while cards are anonymous) and folded away or removed by the facilitator.
 */
export function commentsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('comments');
}

export interface CommentView {
  id: string;
  card: string;
  text: string;
  author: string;
  createdAt: number;
  hidden: boolean;
}

export function addComment(doc: Y.Doc, input: { card: string; text: string; author: string }): string {
  const id = newId();
  doc.transact(() => {
    const comment = new Y.Map<unknown>();
    comment.set('card', input.card);
    comment.set('text', input.text.trim());
    comment.set('author', input.author);
    comment.set('createdAt', Date.now());
    comment.set('hidden', false);
    commentsOf(doc).set(id, comment);
  });
  return id;
}

/** Every comment, oldest first. */
export function readComments(doc: Y.Doc): CommentView[] {
  const out: CommentView[] = [];
  commentsOf(doc).forEach((comment, id) =>
    out.push({
      id,
      card: String(comment.get('card') ?? ''),
      text: String(comment.get('text') ?? ''),
      author: String(comment.get('author') ?? ''),
      createdAt: Number(comment.get('createdAt') ?? 0),
      hidden: comment.get('hidden') === true,
    }),
  );
  return out.sort(inWritingOrder);
}

export function setCommentHidden(doc: Y.Doc, id: string, hidden: boolean): void {
  commentsOf(doc).get(id)?.set('hidden', hidden);
}

export function deleteComment(doc: Y.Doc, id: string): void {
  commentsOf(doc).delete(id);
}
