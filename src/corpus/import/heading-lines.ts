/**
 * What a heading taken without a declared title to confirm it shows as the headline: not a count or a
 * score, and not the plain line a heading adds under its bold one.
 */
import { clean, comparable, shownLines } from './page-parts.js';

/**
 * "690", "Ω 142": a forum's vote counts set as <h1>s around the post's title. A headline has a word of
 * two letters or more; a heading of numbers, with a letter or a sign at most, is a count or a score.
 */
export function holdsWords(text: string): boolean {
  return /\p{L}{2}/u.test(text);
}

/**
 * "<h1><strong>Hydrogen as a key technology.</strong><br> A visit to the bus works.</h1>": a heading
 * that sets its first line in bold and adds a plain line after a break. The bold line is the headline,
 * the plain one a subtitle under it. `text` is the heading's text as the headline rules read it; the
 * bold line is given where one of `headings` says it so.
 */
export function boldFirstLine(headings: Element[], text: string): string {
  for (const heading of headings) {
    const lines = shownLines(heading);
    if (lines.length < 2 || comparable(lines.join(' ')) !== comparable(text)) continue;
    const first = heading.querySelector('strong, b');
    if (!first || clean(first.textContent ?? '') !== lines[0]) continue;
    // Only a bold line that opens the heading: no words before it.
    const before = clean(heading.textContent ?? '').indexOf(lines[0]!);
    if (before === 0 && !lines.slice(1).some((line) => boldText(heading, line))) return lines[0]!;
  }
  return text;
}

function boldText(heading: Element, line: string): boolean {
  return [...heading.querySelectorAll('strong, b')].some(
    (el) => clean(el.textContent ?? '') === line,
  );
}
