/**
 * The date a page prints just under its headline, in an element named for
 * nothing a program would look for: `<div class="info">2023-11-17 20:52:15
 * 来源：新华网</div>`, `<span class="day">2018年6月18日 10:01 発信地：…</span>`, a
 * personal blog's bare `<small>January 13, 2020 at 08:45 AM | categories: …</small>`
 * after the post's `<h2>`.
 */
import { dateInText } from './dates.js';
import type { Found } from './extracted.js';
import { clean, inFactBox, inTeaser, markedAsUpdate, spacedText } from './page-parts.js';

/** How many elements after the headline are read: the standfirst, the byline, the date line. */
const LINES_READ = 3;

/** Longer than this, a line after the headline is a paragraph of the story, not its date line. */
const LINE_LENGTH = 160;

/** A label may come before the date ("Posted", "von Anna Berg,"): a few words, no more. */
const LABEL_LENGTH = 24;

/**
 * One of the few elements that follow the article's <h1>, or the heading of whatever level that
 * says the headline found for the page (or, on a page that sets it in no heading, the element that
 * shows it), when its text is short (a line, not a paragraph of the story)
 * and opens with a date with its year: a date later in a line is one a standfirst talks about.
 * Headings in menus, sidebars and lists of other stories are passed over, as their dates are those
 * stories'.
 */
export function dateUnderHeadline(
  document: Document,
  lang: string | undefined,
  headline?: string,
): Found | undefined {
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(
    (h) =>
      (h.tagName === 'H1' && !inTeaser(h)) ||
      (headline !== undefined && clean(h.textContent ?? '') === headline),
  );
  return (
    datesAfter(headings, lang) ??
    (headline === undefined ? undefined : datesAfter(shownAs(document, headline), lang))
  );
}

function datesAfter(headings: Element[], lang: string | undefined): Found | undefined {
  for (const heading of headings) {
    let next = lineAfter(heading);
    for (let read = 0; next && read < LINES_READ; read++, next = following(next)) {
      // The time of a later edit printed beside the date shown is not the publication's; a line in a
      // menu, a sidebar or the comments belongs to another story or to a reader (unless the headline
      // is there too: a mobile page that sets the story's header in an <aside>); a row of a fact box
      // dates the subject, not the page.
      if (markedAsUpdate(next) || (inTeaser(next) && !inTeaser(heading)) || inFactBox(next))
        continue;
      const text = spacedText(next, markedAsUpdate);
      if (text.length === 0 || text.length > LINE_LENGTH) continue;
      const found = dateInText(text, lang);
      if (found && text.indexOf(found.text) <= LABEL_LENGTH)
        return { value: found.date, from: `the date "${found.text.trim()}" under the headline` };
    }
  }
  return undefined;
}

/**
 * The elements whose own text is the headline, where it is in no heading element: "<span
 * class="Title"><b>…</b></span>", "<div class="h-title">…</div>". A link that says it is a list's or a
 * carousel's way to this story, not the story's header.
 */
function shownAs(document: Document, headline: string): Element[] {
  const found: Element[] = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('a, script, style, title, option')) continue;
    if ([...el.childNodes].some((n) => n.nodeType === 3 && clean(n.textContent ?? '') === headline))
      found.push(el);
  }
  return found;
}

/**
 * The element after a line, also where the line closes its block: a webcomic's or a gallery's page sets
 * the headline, the picture and its navigation in one box and the date line ("8th May 2020, 6:08 PM in
 * Chapter 7") in the next.
 */
function following(line: Element): Element | null {
  for (let at: Element | null = line; at && at.tagName !== 'BODY'; at = at.parentElement)
    if (at.nextElementSibling) return at.nextElementSibling;
  return null;
}

/**
 * The first element after the headline: the heading's next sibling, or, when the heading stands
 * alone in its wrapper (`<div class="title"><h1>…</h1></div>`), the wrapper's.
 */
export function lineAfter(heading: Element): Element | null {
  for (let at: Element | null = heading; at && at.tagName !== 'BODY'; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
    if (clean(at.parentElement?.textContent ?? '') !== clean(at.textContent ?? '')) return null;
  }
  return null;
}
