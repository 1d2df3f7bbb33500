import { useEffect, type MouseEvent } from 'react';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';
import { useT } from '../app/i18n';
import { richTextExtensions } from './editorExtensions';

interface Props {
  fragment: Y.XmlFragment;
  editable: boolean;
  label: string;
  onFocusChange?: (focused: boolean) => void;
}

/**
 * A live TipTap editor bound to one Y.XmlFragment. This module (TipTap and ProseMirror) is loaded only when
 * an editor is actually opened, and only the open card mounts one, so a board of hundreds of cards stays light.
 */
const attributesFor = (label: string) => ({ 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', class: 'rich-text' });

export default function RichTextEditor({ fragment, editable, label, onFocusChange }: Props) {
  const editor = useEditor(
    {
      extensions: [...richTextExtensions, Collaboration.configure({ fragment })],
      editable,
      editorProps: { attributes: attributesFor(label) },
      onFocus: () => onFocusChange?.(true),
      onBlur: () => onFocusChange?.(false),
    },
    [fragment],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  // The editor outlives a change of the interface's language (the notes stay open in the workshop tools): its
  // name follows, instead of keeping the language it was opened in.
  // Compared on the options, not the view: the view does not exist until EditorContent has mounted it.
  useEffect(() => {
    const attributes = editor.options.editorProps.attributes as Record<string, string> | undefined;
    if (attributes?.['aria-label'] !== label) editor.setOptions({ editorProps: { attributes: attributesFor(label) } });
  }, [editor, label]);

  return (
    <div className="rich-text-editor">
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

/**
 * A click on a formatting button leaves the focus, and with it the caret, in the text. Had the button taken the
 * focus, the editor would get it back with the browser's caret at the start of the text, and on a busy phone the
 * next words typed could land there instead of where the writer was. Keyboard users reach the buttons by Tab, and
 * each command puts the focus back in the text.
 */
const keepEditorFocus = (event: MouseEvent) => event.preventDefault();

function Toolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
    }),
  });
  const buttons = [
    { key: 'bold', label: t('editor.bold'), glyph: 'B', run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: t('editor.italic'), glyph: 'I', run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'bulletList', label: t('editor.bulletList'), glyph: '•', run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'orderedList', label: t('editor.orderedList'), glyph: '1.', run: () => editor.chain().focus().toggleOrderedList().run() },
  ] as const;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {buttons.map((b) => (
        <button key={b.key} type="button" aria-label={b.label} title={b.label} aria-pressed={active[b.key]} onMouseDown={keepEditorFocus} onClick={b.run}>
          <span aria-hidden="true" className={`glyph-${b.key}`}>
            {b.glyph}
          </span>
        </button>
      ))}
    </div>
  );
}
