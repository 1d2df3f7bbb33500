import * as Y from 'yjs';

/** Plain text as rich-text content: one paragraph per line. */
export function textParagraphs(text: string): Y.XmlElement[] {
  return text.split('\n').map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
}
