/**
 * The day of publication written into a page's title, where nothing else on the page gives it.
 */
import { dateOnlyLine } from './furniture.js';
import { wholeDateInAnyLanguage } from './dates.js';
import type { Found } from './extracted.js';
import { pageLanguage } from './language.js';
import { clean } from './page-parts.js';
import { TITLE_SEPARATOR } from './title-words.js';

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
      const [day, month] = dotted ? [Number(dotted[1]), Number(dotted[2])] : [0, 0];
      const date = dotted
        ? day >= 1 && day <= 31 && month >= 1 && month <= 12
          ? `${dotted[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          : undefined
        : /\d{4}/.test(part)
          ? (dateOnlyLine(part, lang) ?? wholeDateInAnyLanguage(part)?.date)
          : undefined;
      if (date) return { value: date, from: `the date "${part}" in ${from}` };
    }
  }
  return undefined;
}
