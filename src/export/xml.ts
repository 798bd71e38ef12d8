/**
 * A thin layer over xmlbuilder2 for the XML formats (Moodle XML, QTI):
 * every text and attribute goes through the library's escaping, after
 * characters XML cannot carry at all are dropped. Nothing is concatenated
 * into markup by hand, and no CDATA is used, so "]]>" in the bank is
 * ordinary text.
 */
import { create } from 'xmlbuilder2';
import { xmlSafe } from './text.js';

export type XmlNode = ReturnType<typeof create>;
type Attributes = Record<string, string | number>;

/**
 * xmlbuilder2 leaves "&" alone when it starts something that looks like an
 * entity ("&lt;", "&#123;"), so HTML text such as "&lt;script&gt;" would
 * reach the reader as "<script>". Escaping every "&" first makes the
 * library's own escaping complete ("&amp;" is then left as it is).
 */
function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;');
}

function attributes(attrs: Attributes): Record<string, string> {
  // Line breaks in attributes are normalised to spaces by every parser; write them that way.
  return Object.fromEntries(
    Object.entries(attrs).map(([k, v]) => [k, escapeText(String(v)).replace(/\s+/g, ' ')]),
  );
}

/** A new document with its root element; `namespace` becomes the default namespace of every element. */
export function xmlDocument(root: string, attrs: Attributes = {}, namespace?: string): XmlNode {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  return namespace === undefined
    ? doc.ele(root, attributes(attrs))
    : doc.ele(namespace, root, attributes(attrs));
}

export function element(parent: XmlNode, name: string, attrs: Attributes = {}): XmlNode {
  return parent.ele(name, attributes(attrs));
}

/** `<name attrs>text</name>`; returns the parent so calls can be chained. */
export function textElement(
  parent: XmlNode,
  name: string,
  text: string | number,
  attrs: Attributes = {},
): XmlNode {
  const node = parent.ele(name, attributes(attrs));
  const value = escapeText(String(text));
  if (value !== '') node.txt(value);
  return parent;
}

/** The whole document, indented, with a final newline. */
export function serializeXml(node: XmlNode): string {
  return `${node.end({ prettyPrint: true, indent: '  ' })}\n`;
}
