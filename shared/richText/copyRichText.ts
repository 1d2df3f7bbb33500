import * as Y from 'yjs';
import { plainText } from '../boardDoc.js';
import { RICH_TEXT_LIMITS } from '../boardSchema.js';
import { judgeRichText } from './judgeRichText.js';
import { textParagraphs } from './textParagraphs.js';

/**
 * The content of a body for a new card (reveal of silent cards): a copy of its nodes when they fit the editor's
 * schema, whose depth is then bounded so Yjs's own (recursive) clone is safe; otherwise, for content stored
 * before the server judged it, its words as plain paragraphs, so one such card can never stop a reveal.
 */
export function copyRichText(source: Y.XmlFragment): Array<Y.XmlElement | Y.XmlText> {
  if (judgeRichText(source, RICH_TEXT_LIMITS.body).refusal === null) {
    return (source.toArray() as Array<Y.XmlElement | Y.XmlText>).map((node) => node.clone());
  }
  return textParagraphs(plainText(source).slice(0, RICH_TEXT_LIMITS.body.maxSize / 2));
}
