/**
 * The last places a publication date is looked for, where no markup or printed line gives one: the date
 * many sites put in the article's address, and a date a site writes into the page's title.
 */
import { wholeDateInAnyLanguage } from './dates.js';
import { dayOf } from './day.js';
import type { Found } from './extracted.js';
import { dateOnlyLine } from './furniture.js';
import { pageLanguage } from './language.js';
import { clean } from './page-parts.js';
import { TITLE_SEPARATOR } from './title-words.js';

/**
 * Many sites put the day of publication in the article's address
 * ("/2010/08/13/story-name", "/2013-04-22/story", "/20150512-story"), with the precision the address
 * gives.
 */
export function urlDate(url: string | undefined): Found | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  // "/2010/08/13/", "/2013-04-22/", "/2014/05/"; or the year, the section, then month and day
  // ("/2010/POLITICS/08/13/"), where a full month and day are needed to be sure it is a date.
  // Or the day written without separators, as a segment or the start of one ("/en/20150512-story",
  // "/a/20161014/006270.htm"), or as the end of the story's name ("/story-name-20190520/"): eight
  // digits that are only taken when they make a real day of a plausible year.
  const match =
    /\/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/-]|\.|$)/.exec(path) ??
    /\/((?:19|20)\d\d)\/[A-Za-z][\w-]*\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])(?=\/)/.exec(path) ??
    /[/-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/-]|\.|$)/.exec(path);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return {
    value: [year, month, day].filter(Boolean).join('-'),
    from: 'the date in the page\u2019s address',
  };
}

/**
 * "Una solución … - 07.12.2017 - LA NACION": a site that writes the day of publication into the page's
 * title, as a part of its own, and nowhere a program can read it. The last resort, after the address:
 * a part of the <title> or of the title meta tag that is only a date, written out or as
 * day.month.year (dates written with dots are written day first wherever they are written).
 */
export function titleDate(document: Document, meta: Map<string, string>): Found | undefined {
  const lang = pageLanguage(document);
  const titles: [string, string | undefined][] = [
    ['the page <title>', document.querySelector('title')?.textContent ?? undefined],
    ['the title meta tag', meta.get('title')],
  ];
  for (const [from, title] of titles) {
    for (const part of (title ?? '').split(TITLE_SEPARATOR).map(clean)) {
      const dotted = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)$/.exec(part);
      const date = dotted
        ? dayOf(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]))
        : /\d{4}/.test(part)
          ? (dateOnlyLine(part, lang) ?? wholeDateInAnyLanguage(part)?.date)
          : undefined;
      if (date) return { value: date, from: `the date "${part}" in ${from}` };
    }
  }
  return undefined;
}
