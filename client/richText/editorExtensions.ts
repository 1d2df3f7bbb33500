import StarterKit, { type StarterKitOptions } from '@tiptap/starter-kit';
import { HEADING_LEVELS, RICH_TEXT_MARKS, RICH_TEXT_NODES } from '../../shared/richText/schema';

/** The parts of StarterKit that add nodes or marks to the editor's schema; everything else it brings is behaviour. */
const STARTER_KIT_CONTENT = [
  'blockquote',
  'bold',
  'bulletList',
  'code',
  'codeBlock',
  'hardBreak',
  'heading',
  'horizontalRule',
  'italic',
  'link',
  'listItem',
  'orderedList',
  'strike',
  'underline',
] as const satisfies ReadonlyArray<keyof StarterKitOptions>;

const inSchema = new Set<string>([...Object.keys(RICH_TEXT_NODES), ...Object.keys(RICH_TEXT_MARKS)]);
const leftOut = Object.fromEntries(STARTER_KIT_CONTENT.filter((name) => !inSchema.has(name)).map((name) => [name, false]));

/**
 * The editor's extensions, derived from the shared rich-text schema: what the schema leaves out is switched off,
 * so the editor can produce nothing the server refuses (editorSchema.test.ts checks the result node by node).
 * Collaboration brings its own undo on the shared document, so StarterKit's is off; the trailing paragraph
 * StarterKit adds after a last list or heading would be a change made merely by opening someone else's card.
 */
export const richTextExtensions = [
  StarterKit.configure({
    ...leftOut,
    heading: { levels: [...HEADING_LEVELS] },
    undoRedo: false,
    trailingNode: false,
  }),
];
