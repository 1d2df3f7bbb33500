import * as Y from 'yjs';
import { addCard, type CardMap, type NewCard } from './boardDoc.js';
import { copyRichText } from './richText/copyRichText.js';

/**
 * Copies a card from another document (a private list, a breakout table's board) onto `doc` under the same id: its
 * title, author (or the name `author` gives it there), writing time and body, in the theme `to` says (none by
 * default) and with the table it came from, if any.
 */
export function copyCard(doc: Y.Doc, id: string, source: CardMap, author = String(source.get('author') ?? ''), to: Pick<NewCard, 'cluster' | 'table'> = {}): void {
  const body = source.get('body');
  addCard(doc, {
    id,
    title: String(source.get('title') ?? ''),
    author,
    createdAt: Number(source.get('createdAt') ?? 0),
    cluster: to.cluster ?? null,
    body: body instanceof Y.XmlFragment ? copyRichText(body) : [],
    ...(to.table ? { table: to.table } : {}),
  });
}
