import { z } from 'zod';

/**
 * The one definition of rich text on a board: the ProseMirror nodes, marks and attributes the card and notes
 * editor has, as TipTap's collaboration binding stores them in a Y.XmlFragment (a node is a Y.XmlElement named
 * after it with its non-null attributes; text is a Y.XmlText whose formatting attributes are the marks, each
 * holding the mark's attributes). The client builds its editor from this table (client/richText/
 * editorExtensions.ts, with a test that the editor's schema is exactly this one) and the server judges every
 * change to a body or the notes against it (judgeRichText.ts), so content the server keeps is content the
 * editor shows as it is, without "repairing" it for whoever opens it.
 */

/** What a node may hold: other blocks, inline content (text and inline nodes), list items, or nothing. */
export type Holds = 'blocks' | 'inline' | 'listItems' | 'nothing';
/** Where a node may stand. */
export type NodeKind = 'block' | 'inline' | 'listItem';

export interface AttributeSpec {
  /**
   * The value the editor gives a new node; a null default is not stored at all. An attribute with any other default
   * is always stored: the editor writes every attribute that is not null, so whoever opened a node without it
   * would write it in.
   */
  default: unknown;
  valid: z.ZodType;
}

export interface NodeSpec {
  kind: NodeKind;
  holds: Holds;
  /**
   * For a node that may not be empty, what its first child must be: anything it holds (ProseMirror's `block+`,
   * `listItem+`) or a paragraph (`paragraph block*`). The editor would fill an empty one in, or rebuild one that
   * starts otherwise, as soon as someone opened it.
   */
  first?: 'any' | 'paragraph';
  attrs: Readonly<Record<string, AttributeSpec>>;
}

export const HEADING_LEVELS = [1, 2, 3] as const;

export const RICH_TEXT_NODES = {
  paragraph: { kind: 'block', holds: 'inline', attrs: {} },
  heading: {
    kind: 'block',
    holds: 'inline',
    attrs: { level: { default: 1, valid: z.union(HEADING_LEVELS.map((level) => z.literal(level))) } },
  },
  blockquote: { kind: 'block', holds: 'blocks', first: 'any', attrs: {} },
  bulletList: { kind: 'block', holds: 'listItems', first: 'any', attrs: {} },
  orderedList: {
    kind: 'block',
    holds: 'listItems',
    first: 'any',
    attrs: {
      // Pasted lists bring their own start and numbering type; both are kept as pasted.
      start: { default: 1, valid: z.number().int().min(-1_000_000).max(1_000_000) },
      type: { default: null, valid: z.string().max(16) },
    },
  },
  listItem: { kind: 'listItem', holds: 'blocks', first: 'paragraph', attrs: {} },
  horizontalRule: { kind: 'block', holds: 'nothing', attrs: {} },
  hardBreak: { kind: 'inline', holds: 'nothing', attrs: {} },
} as const satisfies Record<string, NodeSpec>;

/** Marks and their attributes; none of the editor's marks has attributes (no links: they would carry URLs). */
export const RICH_TEXT_MARKS = {
  bold: { attrs: {} },
  italic: { attrs: {} },
  strike: { attrs: {} },
  underline: { attrs: {} },
} as const satisfies Record<string, { attrs: Readonly<Record<string, AttributeSpec>> }>;

/** The nodes every ProseMirror schema has, which the binding does not store as elements: the root and text. */
export const IMPLICIT_NODES = { doc: { holds: 'blocks' }, text: { kind: 'inline' } } as const;

export type RichTextNodeName = keyof typeof RICH_TEXT_NODES;
export type RichTextMarkName = keyof typeof RICH_TEXT_MARKS;

export function nodeSpec(name: string): NodeSpec | undefined {
  return Object.hasOwn(RICH_TEXT_NODES, name) ? (RICH_TEXT_NODES as Record<string, NodeSpec>)[name] : undefined;
}

export function markSpec(name: string): { attrs: Readonly<Record<string, AttributeSpec>> } | undefined {
  return Object.hasOwn(RICH_TEXT_MARKS, name) ? (RICH_TEXT_MARKS as Record<string, { attrs: Record<string, AttributeSpec> }>)[name] : undefined;
}

/** Which kinds of child a node's `holds` admits; text counts as inline. */
export const HOLDS_KINDS: Readonly<Record<Holds, readonly NodeKind[]>> = {
  blocks: ['block'],
  inline: ['inline'],
  listItems: ['listItem'],
  nothing: [],
};
