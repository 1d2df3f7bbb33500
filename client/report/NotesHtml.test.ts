import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NotesHtml } from './NotesHtml';

/** Notes shaped as TipTap's collaboration extension writes them. */
function notes(): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('notes');
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', '1' as never);
  heading.insert(0, [new Y.XmlText('Decisions')]);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const list = new Y.XmlElement('bulletList');
  const item = new Y.XmlElement('listItem');
  const itemParagraph = new Y.XmlElement('paragraph');
  itemParagraph.insert(0, [new Y.XmlText('Ask the province <now>')]);
  item.insert(0, [itemParagraph]);
  list.insert(0, [item]);
  fragment.insert(0, [heading, paragraph, list]);
  text.insert(0, 'Energy is ');
  text.insert(10, 'urgent', { bold: {} });
  text.insert(16, ', see ', {});
  text.insert(22, 'the plan', { link: { href: 'https://example.org/plan' } });
  text.insert(30, ' or ', {});
  text.insert(34, 'this', { link: { href: 'javascript:alert(1)' } });
  return fragment;
}

describe('NotesHtml', () => {
  const html = renderToStaticMarkup(createElement(NotesHtml, { fragment: notes() }));

  it('renders headings one level below the report, paragraphs, marks and lists', () => {
    expect(html).toContain('<h3><span>Decisions</span></h3>');
    expect(html).toContain('<strong>urgent</strong>');
    expect(html).toMatch(/<ul><li><p><span>Ask the province &lt;now&gt;<\/span><\/p><\/li><\/ul>/);
  });

  it('keeps web links and drops script links', () => {
    expect(html).toContain('<a href="https://example.org/plan">the plan</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<span>this</span>');
  });
});
