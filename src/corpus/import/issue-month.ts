/**
 * A journal article's date tag often writes the month of its issue as a day: "citation_publication_date"
 * says "1998/06/01" where the page prints "Volume 34, Issue 6, June 1998, Pages 623-651". The first of
 * the month is then a placeholder, not the day the article came out, and the page is dated to the month.
 */
import { dateInText } from './dates.js';
import type { Found } from './extracted.js';
import { clean, inTeaser } from './page-parts.js';

/**
 * The month a generic date tag on the first of a month stands for, where the page prints that month
 * and year with no day ("June 1998") in a line of its own text, and never prints the tag's day
 * ("1 June 1998"). A month in a link or a list ("June 2020" in a blog's archive of months) is a way to
 * other pages, not this page's date, and is not read.
 */
export function issueMonth(
  document: Document,
  lang: string | undefined,
  tagDate: string,
): Found | undefined {
  if (!/^\d{4}-\d{2}-01$/.test(tagDate) || !document.body) return undefined;
  const month = tagDate.slice(0, 7);
  let printed: Found | undefined;
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('nav, aside, footer, li, a, script, style, template') || inTeaser(el)) continue;
    const own = clean(
      [...el.childNodes]
        .filter((node) => node.nodeType === 3)
        .map((node) => node.textContent ?? '')
        .join(' '),
    );
    if (own.length === 0 || own.length > 160) continue;
    const found = dateInText(own, lang);
    // The page prints the day itself: the tag's day is the article's, not a placeholder.
    if (found?.date === tagDate) return undefined;
    if (found?.date === month && !printed)
      printed = {
        value: month,
        from: `the month "${found.text}" the page prints (the date meta tag writes it as ${tagDate})`,
      };
  }
  return printed;
}
