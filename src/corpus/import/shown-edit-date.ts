/**
 * The last resort for a page's date: the one date it shows its readers, in an element whose class
 * alone calls it an edit's. `markedAsUpdate` (page-parts.ts) passes such elements over, rightly where
 * a theme prints the edit beside the date a reader sees (a hidden `<span class="updated">`). But some
 * sites name the element of their only date for an update whatever it holds: ACLU's blog prints
 * "April 5, 2018 | 6:00 PM" under the byline in `<div class="updated-date">`, with no date tag, no
 * `<time>` and nothing in its address. A reader sees a plain date there, the date of the post; the
 * class name is the developer's word, not the page's. So when no other source dates the page, a short
 * line in such an element is its date, unless the page hides it from readers: then the teacher is
 * still asked to fill the date in. (A line that says "Updated April 6, 2018" is read, as a labelled
 * date, by printed-date.ts.)
 */
import { dateInText } from './dates.js';
import type { Found } from './extracted.js';
import { clean, inPageFooter, inTeaser, markedAsUpdate, shownToReaders } from './page-parts.js';

/** Longer than this, the element is a paragraph or a block of the page, not a date line. */
const LINE_LENGTH = 80;

export function shownEditDate(document: Document, lang: string | undefined): Found | undefined {
  for (const el of document.querySelectorAll('body *')) {
    if (!markedAsUpdate(el) || el.getAttribute('itemprop') === 'dateModified') continue;
    if (el.querySelector('*:not(br, span, a, strong, b, em, i, small)')) continue;
    const text = clean(el.textContent ?? '');
    if (text.length === 0 || text.length > LINE_LENGTH) continue;
    if (!shownToReaders(el) || el.closest('nav, aside, form') || inPageFooter(el) || inTeaser(el))
      continue;
    const found = dateInText(text, lang);
    if (found)
      return {
        value: found.date,
        from: `the date line "${text}" (its class calls it an update, but it is the only date the page shows)`,
      };
  }
  return undefined;
}
