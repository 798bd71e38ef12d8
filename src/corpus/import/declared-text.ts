/**
 * The text of a value a page declares for programs (a meta tag, a JSON-LD string, the <title>), as a
 * reader would see it. Publishing systems leave two things in such values that the page's visible text
 * never shows:
 * - character references: "Teachers&#8217; union" in a JSON-LD headline (JSON strings are not HTML, so
 *   the parser never decodes them), or "O&amp;#039;Donnell" in a <title> or meta tag escaped twice;
 * - inline markup: "Review: <i>Dune</i>" in a JSON-LD headline or an escaped og:title, where the
 *   visible headline sets the book's name in italics.
 */
import { parseHTML } from 'linkedom';

/** A well-formed reference, ended by its semicolon: "AT&T" or "Q&A" is never one. */
const REFERENCE = /&(#\d{2,7}|#x[0-9a-f]{2,6}|[a-z][a-z0-9]{1,31});/i;

/**
 * A tag of the inline elements a headline is set with. Only these: "a <b> c" is markup, but in
 * "Why x < y matters" the "<" is text.
 */
const INLINE_TAG =
  /<\/?(?:i|em|b|strong|u|s|span|a|sup|sub|small|mark|q|cite|abbr|font|wbr|nobr)(?:\s[^<>]*)?>/gi;
const LINE_BREAK = /<br\s*\/?>/gi;

let decoder: Element | undefined;

export function declaredText(value: string): string {
  const decoded = withoutLeftoverReferences(value);
  if (!decoded.includes('<')) return decoded;
  return decoded.replace(LINE_BREAK, ' ').replace(INLINE_TAG, '');
}

/** `text` with its references decoded by the same HTML parser that reads the page, so every named one is known. */
function withoutLeftoverReferences(text: string): string {
  if (!REFERENCE.test(text)) return text;
  decoder ??= parseHTML('<!doctype html><html><body><p></p></body></html>').document.querySelector(
    'p',
  )!;
  // Only references are decoded: a "<" in the value is text, not markup.
  decoder.innerHTML = text.replace(/</g, '&lt;');
  return decoder.textContent ?? text;
}
