/**
 * The date line a page prints right under its headline, when nothing names it as a date: a personal
 * blog's "January 13, 2020 at 08:45 AM | categories: Python" in a bare <small> after the post's
 * <h2>, a theme's unnamed <div> after the <div> that holds the <h1>. Where the headline is, is known
 * once the headline has been found, so the line is read from the headline's own element.
 */
import { dateInText } from './dates.js';
import type { Found } from './extracted.js';
import { clean, inTeaser, spacedText } from './page-parts.js';

/** Longer than this, the line after the headline is a standfirst or the story, not its date line. */
const LINE_LENGTH = 160;

/** A label may come before the date ("Posted", "von Anna Berg,"): a few words, no more. */
const LABEL_LENGTH = 24;

export function dateUnderHeadline(
  document: Document,
  headline: string | undefined,
  lang: string | undefined,
): Found | undefined {
  if (!headline) return undefined;
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (clean(heading.textContent ?? '') !== headline || inTeaser(heading)) continue;
    const line = lineAfter(heading);
    if (!line) return undefined;
    const text = spacedText(line);
    if (text.length > LINE_LENGTH) return undefined;
    const found = dateInText(text, lang);
    // The line opens with its date: a date later in the line is one the standfirst talks about.
    if (!found || text.indexOf(found.text) > LABEL_LENGTH) return undefined;
    return { value: found.date, from: `the date line "${found.text}" right after the headline` };
  }
  return undefined;
}

/**
 * The first element after the headline that has text: the heading's next sibling, or, when the
 * heading is alone in its wrapper (`<div class="title"><h1>…</h1></div>`), the wrapper's.
 */
function lineAfter(heading: Element): Element | undefined {
  for (let at: Element | null = heading; at && at.tagName !== 'BODY'; at = at.parentElement) {
    for (let next = at.nextElementSibling; next; next = next.nextElementSibling)
      if (clean(next.textContent ?? '') !== '') return next;
    if (clean(at.parentElement?.textContent ?? '') !== clean(at.textContent ?? ''))
      return undefined;
  }
  return undefined;
}
