/**
 * Publication dates as a page states them, with only the precision it
 * supports: "2021-02-03", "2021-02" or "2021". Dates are read as printed, in
 * the page's own time zone: "2021-02-03T23:30:00-05:00" is 3 February, the
 * day the outlet published it, not 4 February in UTC.
 */
import { CHRONO_LANGUAGES, certainDay, chronoFor } from './chrono.js';
import { dayOf, pad, plausibleYear, type TextDate } from './day.js';
import { namedMonthDate } from './month-names.js';

export type { TextDate } from './day.js';
export { datesAgree } from './day.js';

/** An ISO 8601 date or date-time, as in JSON-LD, meta tags and <time datetime>. */
export function isoDate(value: string): string | undefined {
  // Also ISO 8601's basic format, without separators, as some publishing systems write JSON-LD
  // ("20180619T055000+0900") or a microdata date ("20141229 18:22:00", the day run together and the
  // clock after a space); only with its time, so a bare number is never taken for a date.
  const match =
    /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?\s*$/.exec(value) ??
    /^\s*(\d{4})(\d{2})(\d{2})(?:T\d{4}(?:\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?| \d{1,2}:\d{2}(?::\d{2})?)\s*$/.exec(
      value,
    );
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (!plausibleYear(Number(year))) return undefined;
  if (month === undefined) return year;
  if (Number(month) < 1 || Number(month) > 12) return undefined;
  if (day === undefined) return `${year}-${month}`;
  if (Number(day) < 1 || Number(day) > 31) return undefined;
  return `${year}-${month}-${day}`;
}

/**
 * Dates whose order of year, month and day is not in doubt, whatever language the page is in, tried
 * before chrono-node (which would read them in the page's language's order, or not at all).
 */
const NUMBERED_DATES: { pattern: RegExp; order: 'ymd' | 'dmy' }[] = [
  // "2023. 2. 5. 11:40": Korean pages write the year first, each part followed by a dot and a space.
  // A year first is never followed by the day.
  { pattern: /(?<![\d.])((?:19|20)\d\d)\.\s(\d{1,2})\.\s(\d{1,2})\.?(?!\d)/, order: 'ymd' },
  // "12.10.2015, 19:16 Uhr": a date written with dots is day first wherever it is written (the
  // American month-first order uses slashes), also on a page that declares no language.
  { pattern: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)(?![\d.])/, order: 'dmy' },
  // "2016年10月14日07:17", "2016년 10월 14일": the year, month and day characters of Chinese, Japanese
  // and Korean name each part, so the date reads the same on a page that declares no language (a
  // Chinese portal's pages seldom do, and no common short words tell their language).
  { pattern: /((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/, order: 'ymd' },
  // "2016/03/19 10:48": a year first with slashes, as Taiwanese, Japanese and Chinese sites print
  // their dates and many publishing systems write them into tags, is year, month, day in every
  // language; chrono reads it only on an English page. Not a path's "/2016/03/19/": a slash before
  // the year or after the day makes it part of an address.
  { pattern: /(?<![\d/])((?:19|20)\d\d)\/(\d{1,2})\/(\d{1,2})(?![\d/])/, order: 'ymd' },
];

/**
 * A date written out in prose or a dateline ("February 3, 2021 4:12 PM UTC",
 * "3 Feb 2021", "Updated: 2021-02-03"). Only dates that name their year are
 * taken: "yesterday" or "2 hours ago" would make the draft depend on the day
 * it was imported.
 */
export function dateInText(text: string, lang?: string): TextDate | undefined {
  const named = namedMonthDate(text);
  if (named) return named;
  // chrono tries dozens of patterns: only ask it about text that names a year at all.
  if (!/\b(1[89]|2[01])\d\d\b/.test(text)) return undefined;
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) {
    const date = isoDate(iso[1]!);
    if (date) return { date, text: iso[1]! };
  }
  for (const { pattern, order } of NUMBERED_DATES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [a, b, c] = match.slice(1).map(Number) as [number, number, number];
    const date = order === 'ymd' ? dayOf(a, b, c) : dayOf(c, b, a);
    if (date) return { date, text: match[0] };
  }
  if (lang && !/^en\b/i.test(lang)) {
    const halfTranslated = englishPatternDate(text, lang);
    if (halfTranslated) return halfTranslated;
  }
  const found = chronoDate(text, lang, false);
  if (found || !lang || /^en\b/i.test(lang)) return found;
  // "Sa  13 Jul 2019" on a German page: an English post on a site that declares another language, or a
  // theme that prints dates in English. With the month in letters the date reads the same whatever
  // the language around it, so English is asked where the page's language reads none; not a date in
  // figures, whose order of day and month is the page's own.
  return chronoDate(text, 'en', true);
}

function chronoDate(
  text: string,
  lang: string | undefined,
  monthInLetters: boolean,
): TextDate | undefined {
  for (const result of chronoFor(lang).parse(text)) {
    if (!/\b\d{4}\b/.test(result.text)) continue;
    if (monthInLetters && !/\p{L}{3}/u.test(result.text)) continue;
    const start = result.start;
    if (!start.isCertain('year')) continue;
    const year = start.get('year');
    if (year === null || !plausibleYear(year)) continue;
    const month = start.isCertain('month') ? start.get('month') : null;
    const day = month !== null && start.isCertain('day') ? start.get('day') : null;
    const parts = [
      String(year),
      ...(month === null ? [] : [pad(month)]),
      ...(day === null ? [] : [pad(day)]),
    ];
    return { date: parts.join('-'), text: result.text };
  }
  return undefined;
}

/**
 * "Juni 19th, 2018", "19th Juni 2018", "Mai 03, 2017": a theme translated by halves prints its English
 * date pattern with the month named in the page's language. No parser of that language reads an
 * English ordinal suffix or, in most languages, the month before the day, so the suffix is dropped and
 * the day put first, in the two ways languages write it ("19. Juni 2018", "19 juin 2018"). Only a day
 * with the suffix right after its number, or a month, a day and a comma before the year, beside a
 * month name and a year: the suffix or the comma is what shows the date was printed by an English
 * pattern.
 */
function englishPatternDate(text: string, lang: string): TextDate | undefined {
  const match =
    /(?<![\p{L}\d])(?:(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th|(?=,))|(\d{1,2})(?:st|nd|rd|th)(?:\s+of)?\s+(\p{L}+)\.?),?\s+(\d{4})(?!\d)/iu.exec(
      text,
    );
  if (!match) return undefined;
  const [, monthFirst, dayAfter, dayFirst, monthAfter, year] = match;
  const day = dayAfter ?? dayFirst!;
  const month = monthFirst ?? monthAfter!;
  for (const candidate of [`${day}. ${month} ${year}`, `${day} ${month} ${year}`]) {
    const start = chronoFor(lang).parse(candidate)[0]?.start;
    if (!start || !certainDay(start)) continue;
    if (start.get('year') !== Number(year) || start.get('day') !== Number(day)) continue;
    return { date: `${year}-${pad(start.get('month')!)}-${pad(Number(day))}`, text: match[0] };
  }
  return undefined;
}

/**
 * A text that is a full date and nothing else ("26 Oktober 2010"), read in whichever language reads it
 * whole, for a page that declares no language and has too few words to tell: a part of a <title> that
 * is only a day, month and year is no sentence to mistake, whatever language names the month.
 */
export function wholeDateInAnyLanguage(text: string): TextDate | undefined {
  const whole = text.trim();
  if (!/\b(1[89]|2[01])\d\d\b/.test(whole)) return undefined;
  for (const locale of CHRONO_LANGUAGES) {
    const start = chronoFor(locale)
      .parse(whole)
      .find((r) => r.text === whole)?.start;
    if (!start || !certainDay(start)) continue;
    const year = start.get('year')!;
    if (!plausibleYear(year)) continue;
    return { date: `${year}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`, text: whole };
  }
  return undefined;
}
