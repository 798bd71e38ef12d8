/**
 * The headline of a page whose titles name only the site or the section: an institution's news page
 * titled "新闻动态--中国地理学会官网" ("News -- the society's website") for every story, whose own
 * headline is an <h5> with the date line under it ("发布时间：2019-05-18 来源：…").
 */
import { dateInText } from './dates.js';
import { wordCount } from './furniture.js';
import { clean, inBreadcrumb, inTeaser, screenReaderOnly, shownLines } from './page-parts.js';
import { UNSPACED } from './title-words.js';
import { lineAfter } from './under-headline.js';

/** Longer than this, the line after a heading is a paragraph, not its date line. */
const LINE_LENGTH = 160;

/** A label may come before the date ("发布时间：", "Posted on"): a few words, no more. */
const LABEL_LENGTH = 24;

/**
 * The first heading, of any level, that a date line follows, as an article's header sets them: a
 * headline's length (four words, or six characters of a script written without spaces), outside menus,
 * lists of other stories and breadcrumbs. Asked last, where no declared title is printed as a heading
 * and the page has no <h1> of its own: the <title> is then the site's or the section's, not the story's.
 */
export function datedHeading(document: Document, lang: string | undefined): string | undefined {
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (inTeaser(heading) || inBreadcrumb(heading) || screenReaderOnly(heading)) continue;
    const text = shownLines(heading).join(' ');
    if (wordCount(text) < (UNSPACED.test(text) ? 6 : 4)) continue;
    const next = lineAfter(heading);
    const line = next ? clean(next.textContent ?? '') : '';
    if (line === '' || line.length > LINE_LENGTH) continue;
    const date = dateInText(line, lang);
    if (date && line.indexOf(date.text) <= LABEL_LENGTH) return text;
  }
  return undefined;
}
