/**
 * The date a page prints just under its headline, in an element named for
 * nothing a program would look for: `<div class="info">2023-11-17 20:52:15
 * 来源：新华网</div>`, `<span class="day">2018年6月18日 10:01 発信地：…</span>`.
 */
import { dateInText } from './dates.js';
import type { Found } from './extracted.js';
import { inTeaser, spacedText } from './page-parts.js';

/** How many elements after the headline are read: the standfirst, the byline, the date line. */
const LINES_READ = 3;

/**
 * One of the few elements that follow the article's <h1>, when its text is short (a line, not a
 * paragraph of the story) and holds a date with its year. Headings in menus, sidebars and lists of
 * other stories are passed over, as their dates are those stories'.
 */
export function dateUnderHeadline(document: Document, lang: string | undefined): Found | undefined {
  for (const h1 of document.querySelectorAll('h1')) {
    if (inTeaser(h1)) continue;
    let next = h1.nextElementSibling;
    for (let read = 0; next && read < LINES_READ; read++, next = next.nextElementSibling) {
      const text = spacedText(next);
      if (text.length === 0 || text.length > 120) continue;
      const found = dateInText(text, lang);
      if (found)
        return { value: found.date, from: `the date "${found.text.trim()}" under the headline` };
    }
  }
  return undefined;
}
