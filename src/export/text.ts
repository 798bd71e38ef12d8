/**
 * Bank text (inline Markdown) in the shapes the formats take: safe HTML,
 * plain text, and cloze text with its blanks replaced by a format's own
 * blank syntax. Escaping for a target format happens in that format's
 * module, always after these conversions.
 */
import { parseCloze } from '../bank/cloze.js';
import { inlineMarkdown, markdownToText } from '../render/markdown.js';

/** Inline Markdown → HTML; raw HTML in the bank is escaped, never interpreted. */
export function toHtml(markdown: string): string {
  return oneLine(inlineMarkdown(markdown));
}

/** Inline Markdown → plain text, for fields a format reads as text (answers to type, match sides). */
export function toText(markdown: string): string {
  return oneLine(markdownToText(markdown));
}

/** Line breaks inside a paragraph mean nothing in HTML and break line-based formats. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Private-use characters mark where blanks go while the Markdown is rendered. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/**
 * Renders cloze text to HTML. Blanks are cut out before rendering (so that
 * Markdown around them still works), `escapeText` post-processes the HTML
 * between blanks, and `blank` writes each blank in the target syntax.
 */
export function clozeHtml(
  text: string,
  blank: (answers: string[], index: number) => string,
  escapeText: (html: string) => string = (html) => html,
): string {
  const parts = parseCloze(text);
  const answers = parts.flatMap((p) => (p.kind === 'blank' ? [p.answers] : []));
  const marked = parts
    .map((p) => (p.kind === 'text' ? p.text : `${OPEN}${p.index}${CLOSE}`))
    .join('');
  const html = escapeText(toHtml(marked));
  return html.replace(MARKER, (_, index: string) =>
    blank(answers[Number(index)] ?? [], Number(index)),
  );
}

/** The number of blanks in a cloze text. */
export function blankCount(text: string): number {
  return parseCloze(text).filter((p) => p.kind === 'blank').length;
}

/** A number in plain decimal notation: formats that parse numbers rarely accept "1e-7". */
export function plainNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** XML 1.0's Char production: what a document may contain at all, even escaped. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

/** Drops control characters and lone surrogates, which no XML file can hold, so that the file still loads. */
export function xmlSafe(text: string): string {
  let out = '';
  // Iterating by code point yields a lone surrogate as a character of its own.
  for (const ch of text) if (isXmlChar(ch.codePointAt(0)!)) out += ch;
  return out;
}
