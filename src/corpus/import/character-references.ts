/**
 * Character references left in a value after the page was parsed: "Teachers&#8217; union" in a JSON-LD
 * headline (JSON strings are not HTML, yet publishing systems write references into them), or
 * "O&amp;#039;Donnell" in a <title> or a meta tag escaped twice. A reader of the page never sees them
 * (the visible headline was decoded), so a draft must not either.
 */
import { parseHTML } from 'linkedom';

/** A well-formed reference, ended by its semicolon: "AT&T" or "Q&A" is never one. */
const REFERENCE = /&(#\d{2,7}|#x[0-9a-f]{2,6}|[a-z][a-z0-9]{1,31});/i;

let decoder: Element | undefined;

/** `text` with its references decoded by the same HTML parser that reads the page, so every named one is known. */
export function withoutLeftoverReferences(text: string): string {
  if (!REFERENCE.test(text)) return text;
  decoder ??= parseHTML('<!doctype html><html><body><p></p></body></html>').document.querySelector(
    'p',
  )!;
  // Only references are decoded: a "<" in the value is text, not markup.
  decoder.innerHTML = text.replace(/</g, '&lt;');
  return decoder.textContent ?? text;
}
