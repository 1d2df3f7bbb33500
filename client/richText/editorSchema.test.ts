import { getSchema } from '@tiptap/core';
import { prosemirrorToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RICH_TEXT_LIMITS } from '../../shared/boardSchema';
import { judgeRichText } from '../../shared/richText/judgeRichText';
import { IMPLICIT_NODES, RICH_TEXT_MARKS, RICH_TEXT_NODES } from '../../shared/richText/schema';
import { richTextExtensions } from './editorExtensions';

const schema = getSchema(richTextExtensions);

function defaultsOf(attrs: Record<string, { default?: unknown }>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attrs).map(([name, spec]) => [name, spec.default]));
}

/** A body using every node, mark and attribute of the schema, as the collaboration binding writes it. */
function everything(doc: Y.Doc): Y.XmlFragment {
  const body = doc.getXmlFragment('body');
  const element = (name: string, children: Array<Y.XmlElement | Y.XmlText>, attrs: Record<string, unknown> = {}) => {
    const el = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value as string);
    el.insert(0, children);
    return el;
  };
  const text = (value: string, marks: Record<string, object> = {}) => {
    const t = new Y.XmlText();
    t.insert(0, value, marks);
    return t;
  };
  const item = (words: string) => element('listItem', [element('paragraph', [text(words)])]);
  body.insert(0, [
    element('heading', [text('Kompetens')], { level: 2 }),
    element('paragraph', [text('Svetsare', { bold: {}, italic: {} }), element('hardBreak', []), text('saknas', { strike: {}, underline: {} })]),
    element('bulletList', [item('ett'), element('listItem', [element('paragraph', [text('två')]), element('orderedList', [item('a')], { start: 3 })])]),
    element('blockquote', [element('paragraph', [text('citat')])]),
    element('horizontalRule', []),
  ]);
  return body;
}

describe("the editor's schema is the shared one", () => {
  it('has exactly the shared nodes with their attributes and defaults', () => {
    const nodes = Object.fromEntries(Object.entries(schema.nodes).map(([name, type]) => [name, defaultsOf(type.spec.attrs ?? {})]));
    const shared = Object.fromEntries(
      Object.entries(RICH_TEXT_NODES).map(([name, spec]) => [name, defaultsOf(spec.attrs as Record<string, { default: unknown }>)]),
    );
    expect(nodes).toEqual({ ...shared, doc: {}, text: {} });
    expect(Object.keys(IMPLICIT_NODES).sort()).toEqual(['doc', 'text']);
  });

  it('has exactly the shared marks, none with attributes', () => {
    const marks = Object.fromEntries(Object.entries(schema.marks).map(([name, type]) => [name, defaultsOf(type.spec.attrs ?? {})]));
    expect(marks).toEqual(Object.fromEntries(Object.keys(RICH_TEXT_MARKS).map((name) => [name, {}])));
  });

  it('keeps content the server accepts exactly as it is: no repair when someone opens it', () => {
    const body = everything(new Y.Doc());
    expect(judgeRichText(body, RICH_TEXT_LIMITS.body).refusal).toBeNull();
    const node = yXmlFragmentToProseMirrorRootNode(body, schema);
    expect(() => node.check()).not.toThrow();
    const written = new Y.Doc().getXmlFragment('body');
    prosemirrorToYXmlFragment(node, written);
    expect(written.toJSON()).toBe(body.toJSON());
  });

  it('is refused on the server for what the editor would drop or change', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 4 as unknown as string);
    body.insert(0, [heading]);
    expect(judgeRichText(body, RICH_TEXT_LIMITS.body).refusal).toBe('"heading" attribute "level" has a value the editor does not know');
    body.delete(0, 1);
    const text = new Y.XmlText();
    text.insert(0, 'x', { link: { href: 'javascript:alert(1)' } });
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    body.insert(0, [paragraph]);
    expect(judgeRichText(body, RICH_TEXT_LIMITS.body).refusal).toBe('unknown rich-text mark "link"');
  });

  it('is refused on the server for every shape the editor would repair when someone opens it', () => {
    const shapes: Record<string, { build: () => Y.XmlElement; refusal: string }> = {
      'an empty blockquote': { build: () => new Y.XmlElement('blockquote'), refusal: 'an empty "blockquote"' },
      'an empty bullet list': { build: () => new Y.XmlElement('bulletList'), refusal: 'an empty "bulletList"' },
      'an empty ordered list': {
        build: () => {
          const list = new Y.XmlElement('orderedList');
          list.setAttribute('start', 1 as unknown as string);
          return list;
        },
        refusal: 'an empty "orderedList"',
      },
      'an empty list item': {
        build: () => {
          const list = new Y.XmlElement('bulletList');
          list.insert(0, [new Y.XmlElement('listItem')]);
          return list;
        },
        refusal: 'an empty "listItem"',
      },
      'a list item that starts with a heading': {
        build: () => {
          const list = new Y.XmlElement('bulletList');
          const item = new Y.XmlElement('listItem');
          item.insert(0, [new Y.XmlElement('heading'), new Y.XmlElement('paragraph')]);
          list.insert(0, [item]);
          return list;
        },
        refusal: '"listItem" must begin with a paragraph',
      },
      'a heading without its level': {
        build: () => {
          const heading = new Y.XmlElement('heading');
          heading.insert(0, [new Y.XmlText('Kompetens')]);
          return heading;
        },
        refusal: '"heading" without its attribute "level"',
      },
      'an ordered list without its start': {
        build: () => {
          const list = new Y.XmlElement('orderedList');
          const item = new Y.XmlElement('listItem');
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText('ett')]);
          item.insert(0, [paragraph]);
          list.insert(0, [item]);
          return list;
        },
        refusal: '"orderedList" without its attribute "start"',
      },
      'two texts side by side': {
        build: () => {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText('Svetsare '), new Y.XmlText('saknas')]);
          return paragraph;
        },
        refusal: 'two texts side by side in "paragraph"',
      },
    };
    for (const [shape, { build, refusal }] of Object.entries(shapes)) {
      const body = new Y.Doc().getXmlFragment('body');
      body.insert(0, [build()]);
      expect(judgeRichText(body, RICH_TEXT_LIMITS.body).refusal, shape).toBe(refusal);
      // Opening it in the editor writes to the document: reading it deletes what the binding cannot show, and the
      // binding then writes the editor's own document back (what the collaboration plugin does on every view update).
      const doc = body.doc!;
      let writes = 0;
      doc.on('update', () => writes++);
      const opened = yXmlFragmentToProseMirrorRootNode(body, schema);
      doc.transact(() => updateYFragment(doc, body, opened, { mapping: new Map(), isOMark: new Map() } as unknown as Parameters<typeof updateYFragment>[3]));
      expect(writes, `the editor repairs ${shape}`).toBeGreaterThan(0);
    }
  });
});
