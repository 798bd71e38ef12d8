/**
 * Two shapes of a title that Japanese pages (and others) print, which the headline rules would take
 * whole or from the wrong heading: a page counter after the headline of an article split over pages,
 * and a diary's or a blog's name as the page's <h1> with each entry's title in a lower heading.
 */
import { wordCount } from './furniture.js';
import { comparable } from './page-parts.js';

/**
 * "Intel NUCで最新SSDを比較してみた (1/2)": the page of an article split over several pages, which
 * the site counts after the headline in its <title>, its declared titles and its <h1>. The counter
 * says which page was saved, not what the article is called: its second page is "(2/2)".
 */
export function withoutPageCounter(title: string): string {
  const counted = /^(.*\S)\s*[(（]\s*(\d{1,2})\s*[/／]\s*(\d{1,2})\s*[)）]$/u.exec(title);
  if (!counted) return title;
  const [page, pages] = [Number(counted[2]), Number(counted[3])];
  return page >= 1 && page <= pages && pages >= 2 ? counted[1]! : title;
}

/**
 * "高木浩光＠自宅の日記 - 改正NICT法がプチ炎上…": a <title> made of the diary's name, which the page's
 * <h1> says, and the entry's title, which a lower heading says (a diary prints each day under a date
 * heading, each entry's title in an <h3>). The entry's heading is the headline, not the <h1> that the
 * <title> merely contains, when its part of the title is the longer: a headline is longer than a name.
 * `titles` are the <title>'s parts, split where the site joined them.
 */
export function entryUnderSiteName(
  titles: string[][],
  h1s: string[],
  lowerHeadings: string[],
): string | undefined {
  for (const parts of titles) {
    if (parts.length < 2) continue;
    const siteNames = parts.filter((part) => h1s.some((h) => comparable(h) === comparable(part)));
    if (siteNames.length !== 1) continue;
    for (const part of parts) {
      // The entry's title is the longer part: where the <h1> says the longer one ("Headline - Section -
      // Site", the section's name a heading of its own box lower down), the <h1> is the headline.
      if (part === siteNames[0] || wordCount(part) <= wordCount(siteNames[0]!)) continue;
      const match = lowerHeadings
        .map(withoutPermalinkMark)
        .find((h) => comparable(h) === comparable(part));
      if (match) return match;
    }
  }
  return undefined;
}

/** "■ Entry title": the mark of the link to the entry itself, set before its title; not a word of it. */
function withoutPermalinkMark(heading: string): string {
  return heading.replace(/^[^\p{L}\p{N}]+\s+/u, '');
}
