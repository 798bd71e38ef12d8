/**
 * A date a page prints without its year: "发布时间：10-08" over "12:00", as a publishing platform prints
 * this year's articles. The year is the one of a full date in the page's own markup on the same month
 * and day (a tag written for search engines, `<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">`):
 * the printed day and the tag agree, so the tag's year is the printed day's, whatever the tag is named.
 */
import type { Found } from './extracted.js';
import { clean, inTeaser } from './page-parts.js';

/**
 * A short line that is a label, a colon and a month and day ("发布时间：10-08", "Published: 10/08"),
 * with the time after it or not. The label is required: a bare "12-27" is a list's date of another story.
 */
const LABELLED_MONTH_DAY =
  /^[^\d:：]{1,16}[:：]\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2})?$/u;

export function yearlessPrintedDate(document: Document): Found | undefined {
  const markup = markupDates(document);
  if (markup.length === 0) return undefined;
  for (const el of document.querySelectorAll('body span, body div, body p, body li, body small')) {
    if (el.children.length > 1 || el.closest('nav, footer, aside, form') || inTeaser(el)) continue;
    const text = clean(el.textContent ?? '');
    if (text.length > 40) continue;
    const printed = LABELLED_MONTH_DAY.exec(text);
    if (!printed) continue;
    const monthDay = `-${printed[1]!.padStart(2, '0')}-${printed[2]!.padStart(2, '0')}`;
    const full = markup.find((date) => date.endsWith(monthDay));
    if (full) return { value: full, from: `the date "${text}", its year from the page's markup` };
  }
  return undefined;
}

/**
 * Every full date that is the whole value of one of the page's meta tags or of a <time>'s datetime
 * ("2019-10-08 12:00:57", "2019-10-08T12:00:57+08:00"): not a date a description mentions.
 */
function markupDates(document: Document): string[] {
  const values = [
    ...[...document.querySelectorAll('meta[content]')].map((m) => m.getAttribute('content')!),
    ...[...document.querySelectorAll('time[datetime]')].map((t) => t.getAttribute('datetime')!),
  ];
  return values.flatMap((value) => {
    const date = WHOLE_DATE.exec(value.trim());
    return date ? [`${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`] : [];
  });
}

/** A value that is a date, with a time after it or not. */
const WHOLE_DATE = /^((?:19|20)\d\d)[-/](\d{1,2})[-/](\d{1,2})(?:[T\s][\d:.+\-Z]*)?$/;
