import * as Y from 'yjs';
import { addCard, type CardMap } from './boardDoc.js';
import { copyRichText } from './richText/copyRichText.js';

/**
 * Copies a card from another document (a private list) onto `doc` under the same id: its title, author (or the name
 * `author` gives it there), writing time and body, outside any theme.
 */
export function copyCard(doc: Y.Doc, id: string, source: CardMap, author = String(source.get('author') ?? '')): void {
  const body = source.get('body');
  addCard(doc, {
    id,
    title: String(source.get('title') ?? ''),
    author,
    createdAt: Number(source.get('createdAt') ?? 0),
    cluster: null,
    body: body instanceof Y.XmlFragment ? copyRichText(body) : [],
  });
}
