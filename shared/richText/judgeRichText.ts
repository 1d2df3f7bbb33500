import * as Y from 'yjs';
import { LIMITS } from '../limits.js';
import { HOLDS_KINDS, markSpec, nodeSpec, type AttributeSpec, type Holds, type NodeSpec } from './schema.js';

export interface RichTextVerdict {
  /** Why the content is not what the editor keeps, or null when it is. */
  refusal: string | null;
  /** Characters of text plus one per node, as far as the walk went: the measure of the size limits. */
  size: number;
}

export interface JudgeOptions {
  /** Largest size allowed, and the words that name it in a refusal. */
  maxSize: number;
  limitName: string;
  /**
   * Whether a node's attributes or a text's formatting must be read. Reading them all on every keystroke would
   * cost the hot path most, and what was accepted before has not changed: the server passes the types a
   * transaction touched; everyone else leaves it out, and everything is read.
   */
  touched?: (type: Y.XmlElement | Y.XmlText) => boolean;
}

interface Pending {
  type: Y.XmlFragment | Y.XmlElement;
  holds: Holds;
  first?: NodeSpec['first'];
  depth: number;
}

/**
 * Judges a body or the notes against the editor's schema, one loop over an explicit stack: no recursion, so a
 * crafted tree of any depth can neither overflow the stack here nor cost more than the limits allow (the walk
 * stops at the first node too deep or past the size limit).
 */
export function judgeRichText(root: Y.XmlFragment, options: JudgeOptions): RichTextVerdict {
  let size = 0;
  const stack: Pending[] = [{ type: root, holds: 'blocks', depth: 0 }];
  while (stack.length > 0) {
    const { type, holds, first, depth } = stack.pop()!;
    const children = type.toArray() as unknown[];
    const firstRefusal = first === undefined ? null : judgeFirstChild(type, first, children[0]);
    if (firstRefusal) return { refusal: firstRefusal, size };
    for (const [index, child] of children.entries()) {
      if (child instanceof Y.XmlText) {
        if (!HOLDS_KINDS[holds].includes('inline')) return { refusal: `text where ${describe(type)} holds no text`, size };
        // The editor keeps one text between two inline nodes and would join the two.
        if (children[index - 1] instanceof Y.XmlText) return { refusal: `two texts side by side in ${describe(type)}`, size };
        size += child.length;
        if (size > options.maxSize) return { refusal: overSize(options), size };
        if (options.touched === undefined || options.touched(child)) {
          const refusal = judgeText(child);
          if (refusal) return { refusal, size };
        }
        continue;
      }
      if (!(child instanceof Y.XmlElement)) return { refusal: `${describe(type)} holds something that is neither a node nor text`, size };
      const spec = nodeSpec(child.nodeName);
      if (!spec) return { refusal: `unknown rich-text node "${clip(child.nodeName)}"`, size };
      if (!HOLDS_KINDS[holds].includes(spec.kind)) return { refusal: `"${child.nodeName}" cannot stand in ${describe(type)}`, size };
      if (options.touched === undefined || options.touched(child)) {
        const refusal = judgeAttributes(`"${child.nodeName}"`, child.getAttributes() as Record<string, unknown>, spec.attrs);
        if (refusal) return { refusal, size };
      }
      size += 1;
      if (size > options.maxSize) return { refusal: overSize(options), size };
      if (depth + 1 > LIMITS.maxRichTextDepth) {
        return { refusal: `rich text nested deeper than ${LIMITS.maxRichTextDepth} levels (maxRichTextDepth)`, size };
      }
      stack.push({ type: child, holds: spec.holds, first: spec.first, depth: depth + 1 });
    }
  }
  return { refusal: null, size };
}

/**
 * Marks are formatting attributes of the text; the text itself carries no attributes and no embedded objects.
 * Read from the text's items, not its delta: building a delta costs several times more on every keystroke.
 */
function judgeText(text: Y.XmlText): string | null {
  if (text._map.size > 0 && Object.keys(text.getAttributes()).length > 0) return 'attributes on rich text';
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentString) continue;
    if (!(content instanceof Y.ContentFormat)) return 'an embedded object in rich text';
    const spec = markSpec(content.key);
    if (!spec) return `unknown rich-text mark "${clip(content.key)}"`;
    const value: unknown = content.value;
    if (value === null) continue; // where a mark ends
    if (typeof value !== 'object' || Array.isArray(value)) return `mark "${content.key}" without its attributes`;
    const refusal = judgeAttributes(`mark "${content.key}"`, value as Record<string, unknown>, spec.attrs);
    if (refusal) return refusal;
  }
  return null;
}

function judgeFirstChild(type: Y.XmlFragment | Y.XmlElement, first: NonNullable<NodeSpec['first']>, child: unknown): string | null {
  if (child === undefined) return `an empty ${describe(type)}`;
  if (first === 'paragraph' && !(child instanceof Y.XmlElement && child.nodeName === 'paragraph')) return `${describe(type)} must begin with a paragraph`;
  return null;
}

function judgeAttributes(what: string, values: Record<string, unknown>, specs: Readonly<Record<string, AttributeSpec>>): string | null {
  for (const [key, spec] of Object.entries(specs)) {
    if (spec.default !== null && !Object.hasOwn(values, key)) return `${what} without its attribute "${key}"`;
  }
  for (const [key, value] of Object.entries(values)) {
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (!spec) return `${what} has no attribute "${clip(key)}"`;
    if (!spec.valid.safeParse(value).success) return `${what} attribute "${key}" has a value the editor does not know`;
  }
  return null;
}

function describe(type: Y.XmlFragment | Y.XmlElement): string {
  return type instanceof Y.XmlElement ? `"${type.nodeName}"` : 'the body';
}

function overSize(options: JudgeOptions): string {
  return `${options.limitName} over ${options.maxSize} characters`;
}

/** Names from a crafted update go into a close reason, which the protocol limits to 123 bytes. */
function clip(name: string): string {
  return name.length > 24 ? `${name.slice(0, 24)}…` : name;
}
