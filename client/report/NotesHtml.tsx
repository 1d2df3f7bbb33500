import { createElement, type ReactNode } from 'react';
import * as Y from 'yjs';

/** ProseMirror node names (as TipTap stores them) → HTML elements. */
const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  codeBlock: 'pre',
  horizontalRule: 'hr',
  hardBreak: 'br',
};
const EMPTY_ELEMENTS = new Set(['hr', 'br']);

const MARKS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', underline: 'u', code: 'code' };

/**
 * The facilitator's notes (a Y.XmlFragment written by TipTap) as static elements: the report only prints them,
 * so it needs no editor. Unknown nodes keep their content; links keep only web and mail addresses.
 */
export function NotesHtml({ fragment }: { fragment: Y.XmlFragment }) {
  return <>{fragment.toArray().map(renderNode)}</>;
}

function renderNode(node: Y.XmlElement | Y.XmlText | Y.XmlHook, key: number): ReactNode {
  if (node instanceof Y.XmlText) return renderText(node, key);
  if (!(node instanceof Y.XmlElement)) return null;
  const children = node.toArray().map(renderNode);
  // The report's own headings go to h2, so the notes' headings start at h3.
  const tag = node.nodeName === 'heading' ? `h${Math.min(6, Number(node.getAttribute('level') ?? 1) + 2)}` : (BLOCKS[node.nodeName] ?? 'div');
  return createElement(tag, { key }, ...(EMPTY_ELEMENTS.has(tag) ? [] : children));
}

function renderText(text: Y.XmlText, key: number): ReactNode {
  const delta = text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>;
  return delta.map((op, i) => {
    if (typeof op.insert !== 'string') return null;
    let content: ReactNode = op.insert;
    for (const [mark, tag] of Object.entries(MARKS)) {
      if (op.attributes?.[mark] !== undefined) content = createElement(tag, null, content);
    }
    const href = (op.attributes?.link as { href?: unknown } | undefined)?.href;
    if (typeof href === 'string' && /^(https?:|mailto:)/i.test(href)) content = <a href={href}>{content}</a>;
    return <span key={`${key}-${i}`}>{content}</span>;
  });
}
