/**
 * Publication dates as a page states them, with only the precision it
 * supports: "2021-02-03", "2021-02" or "2021". Dates are read as printed, in
 * the page's own time zone: "2021-02-03T23:30:00-05:00" is 3 February, the
 * day the outlet published it, not 4 February in UTC.
 */
import { createRequire } from 'node:module';

/** The languages chrono-node reads; a page in another language is read as English. */
const LOCALES = new Set([
  'de',
  'en',
  'es',
  'fi',
  'fr',
  'id',
  'it',
  'ja',
  'nl',
  'pt',
  'ru',
  'sv',
  'uk',
  'vi',
  'zh',
]);
interface Chrono {
  parse(
    text: string,
  ): { text: string; start: { isCertain(c: string): boolean; get(c: string): number | null } }[];
}
const loaded = new Map<string, Chrono>();
const require = createRequire(import.meta.url);

/**
 * chrono-node is loaded only when a date has to be read from prose, and only
 * for the page's language: most pages declare their date in structured data,
 * and loading every language costs a fifth of a second at start-up.
 */
function chronoFor(lang: string | undefined): Chrono {
  const code = lang?.slice(0, 2).toLowerCase() ?? 'en';
  const locale = LOCALES.has(code) ? code : 'en';
  let chrono = loaded.get(locale);
  if (!chrono) {
    chrono = require(`chrono-node/${locale}`) as Chrono;
    loaded.set(locale, chrono);
  }
  return chrono;
}

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

export interface TextDate {
  date: string;
  /** The words the date was read from. */
  text: string;
}

/**
 * A date written out in prose or a dateline ("February 3, 2021 4:12 PM UTC",
 * "3 Feb 2021", "Updated: 2021-02-03"). Only dates that name their year are
 * taken: "yesterday" or "2 hours ago" would make the draft depend on the day
 * it was imported.
 */
export function dateInText(text: string, lang?: string): TextDate | undefined {
  if (/[\u0600-\u06ff]/.test(text)) {
    const arabic = namedMonthDate(text, ARABIC_MONTHS);
    if (arabic) return arabic;
  }
  if (/[\u0531-\u0587]/.test(text)) {
    const armenian = namedMonthDate(text, ARMENIAN_MONTHS);
    if (armenian) return armenian;
  }
  // chrono tries dozens of patterns: only ask it about text that names a year at all.
  if (!/\b(1[89]|2[01])\d\d\b/.test(text)) return undefined;
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) {
    const date = isoDate(iso[1]!);
    if (date) return { date, text: iso[1]! };
  }
  // "2023. 2. 5. 11:40": Korean pages write the year first, each part followed by a dot and a space.
  // A year first is never followed by the day, so the order is not in doubt.
  const yearFirst = /(?<![\d.])((?:19|20)\d\d)\.\s(\d{1,2})\.\s(\d{1,2})\.?(?!\d)/.exec(text);
  if (yearFirst) {
    const [, year, month, day] = yearFirst.map(Number) as [number, number, number, number];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return { date: `${year}-${pad(month)}-${pad(day)}`, text: yearFirst[0] };
  }
  // "12.10.2015, 19:16 Uhr": a date written with dots is day first wherever it is written (the
  // American month-first order uses slashes), also on a page that declares no language.
  const dotted = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)(?![\d.])/.exec(text);
  if (dotted) {
    const [, day, month, year] = dotted.map(Number) as [number, number, number, number];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return { date: `${year}-${pad(month)}-${pad(day)}`, text: dotted[0] };
  }
  // "2016年10月14日07:17", "2016년 10월 14일": the year, month and day characters of Chinese, Japanese
  // and Korean name each part, so the date reads the same on a page that declares no language (a
  // Chinese portal's pages seldom do, and no common short words tell their language).
  const named = /((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/.exec(text);
  if (named) {
    const [, year, month, day] = named.map(Number) as [number, number, number, number];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return { date: `${year}-${pad(month)}-${pad(day)}`, text: named[0] };
  }
  if (lang && !/^en\b/i.test(lang)) {
    const halfTranslated = englishPatternDate(text, lang);
    if (halfTranslated) return halfTranslated;
  }
  for (const result of chronoFor(lang).parse(text)) {
    if (!/\b\d{4}\b/.test(result.text)) continue;
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
  // "2019年04月04日", "2023년 2월 5일": a date with the Chinese, Japanese or Korean year, month and day
  // signs says which number is which, so it is read on a page that declares no language too (the
  // English parser, used for those, knows no such date). Last: the page's own parser reads the time too.
  const signed = /((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u.exec(text);
  if (signed) {
    const [, year, month, day] = signed.map(Number) as [number, number, number, number];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return { date: `${year}-${pad(month)}-${pad(day)}`, text: signed[0] };
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
    if (!start || !['year', 'month', 'day'].every((c) => start.isCertain(c))) continue;
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
  for (const locale of LOCALES) {
    const start = chronoFor(locale)
      .parse(whole)
      .find((r) => r.text === whole)?.start;
    if (!start || !['year', 'month', 'day'].every((c) => start.isCertain(c))) continue;
    const year = start.get('year')!;
    if (!plausibleYear(year)) continue;
    return { date: `${year}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`, text: whole };
  }
  return undefined;
}

/**
 * A dateline's short numeric date with a two-digit year, "10/9/10 7:15 AM
 * EDT" or "8/17/13 11:04am", read month first as American English pages write it; only for
 * pages in American English (or English without a region), and only next to
 * a clock time, so a fraction or a score is never taken for a date.
 */
export function numericDate(text: string, lang?: string): TextDate | undefined {
  if (lang && !/^en(-us)?$/i.test(lang)) return undefined;
  const match = /\b(\d{1,2})\/\s?(\d{1,2})\/(\d{2})\s+\d{1,2}:\d{2}(?!\d)/.exec(text);
  if (!match) return undefined;
  const [, month, day, year] = match.map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { date: `${fullYear(year)}-${pad(month)}-${pad(day)}`, text: match[0] };
}

/**
 * "CHQ Staff | 10/17/18": a short numeric date that ends a byline or a date element, with no clock
 * time beside it, read month first as American English pages write it. Only where it closes the line
 * after a separator or stands alone, so a score or a fraction inside a sentence is never taken for it.
 */
export function bylineNumericDate(text: string, lang?: string): TextDate | undefined {
  if (lang && !/^en(-us)?$/i.test(lang)) return undefined;
  const match = /(?:^|[|·•,]|\s-)\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [month, day, year] = [Number(match[1]), Number(match[2]), match[3]!];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const full = year.length === 2 ? fullYear(Number(year)) : Number(year);
  if (!plausibleYear(full)) return undefined;
  return { date: `${full}-${pad(month)}-${pad(day)}`, text: match[0].replace(/^[\s|·•,-]+/, '') };
}

/**
 * A date line that is only a short day.month.year with a two-digit year, "17.7.11", as old blog
 * templates print a post's day above it. Dates written with dots are written day first almost
 * everywhere; an American page's "12.16.14" is read month first, but only where the day-first reading
 * is impossible. Only a line that is the date and nothing else: "1.2.10" inside a sentence is as
 * likely a version number as a day.
 */
export function dottedShortDate(text: string): TextDate | undefined {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  const [, first, second, year] = match.map(Number) as [number, number, number, number];
  // "12.16.14": no 16th month, so the date is written month first, as in the United States. Only where
  // the day-first reading is impossible: "06.12.14" stays the 6th of December.
  const [day, month] = second > 12 && first <= 12 ? [second, first] : [first, second];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { date: `${fullYear(year)}-${pad(month)}-${pad(day)}`, text: match[0].trim() };
}

/** A two-digit year as POSIX reads one (strptime's %y): 69-99 are 1969-1999, 00-68 are 2000-2068. */
function fullYear(yy: number): number {
  return yy >= 69 ? 1900 + yy : 2000 + yy;
}

/**
 * Arabic month names, which chrono does not read: the Syriac names used in
 * the Levant and Iraq and the transliterated ones used in Egypt and the
 * Maghreb ("04 آب/اغسطس 2013" gives both).
 */
const ARABIC_MONTHS: [number, string[]][] = [
  [1, ['كانون الثاني', 'يناير']],
  [2, ['شباط', 'فبراير']],
  [3, ['آذار', 'مارس']],
  [4, ['نيسان', 'أبريل', 'ابريل']],
  [5, ['أيار', 'ايار', 'مايو']],
  [6, ['حزيران', 'يونيو', 'يونيه']],
  [7, ['تموز', 'يوليو', 'يوليه']],
  [8, ['آب', 'أغسطس', 'اغسطس']],
  [9, ['أيلول', 'ايلول', 'سبتمبر']],
  [10, ['تشرين الأول', 'تشرين الاول', 'أكتوبر', 'اكتوبر']],
  [11, ['تشرين الثاني', 'نوفمبر']],
  [12, ['كانون الأول', 'كانون الاول', 'ديسمبر']],
];

/**
 * Armenian month names, which chrono does not read either, as a dateline prints them after the day
 * ("18 հունվարի 2018", the genitive) or alone (the nominative).
 */
const ARMENIAN_MONTHS: [number, string[]][] = [
  [1, ['հունվարի', 'հունվար']],
  [2, ['փետրվարի', 'փետրվար']],
  [3, ['մարտի', 'մարտ']],
  [4, ['ապրիլի', 'ապրիլ']],
  [5, ['մայիսի', 'մայիս']],
  [6, ['հունիսի', 'հունիս']],
  [7, ['հուլիսի', 'հուլիս']],
  [8, ['օգոստոսի', 'օգոստոս']],
  [9, ['սեպտեմբերի', 'սեպտեմբեր']],
  [10, ['հոկտեմբերի', 'հոկտեմբեր']],
  [11, ['նոյեմբերի', 'նոյեմբեր']],
  [12, ['դեկտեմբերի', 'դեկտեմբեր']],
];

/** "04 آب/اغسطس 2013", "18 հունվարի 2018": a day, a month named in a table above, a year. */
function namedMonthDate(text: string, months: [number, string[]][]): TextDate | undefined {
  const digits = text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
  const names = months.flatMap(([, n]) => n).join('|');
  const match = new RegExp(`(\\d{1,2})\\s+(${names})(?:\\s*/\\s*(?:${names}))?\\s+(\\d{4})`).exec(
    digits,
  );
  if (!match) return undefined;
  const month = months.find(([, n]) => n.includes(match[2]!))![0];
  const day = Number(match[1]);
  if (day < 1 || day > 31 || !plausibleYear(Number(match[3]))) return undefined;
  return { date: `${match[3]}-${pad(month)}-${pad(day)}`, text: match[0] };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Rules out numbers that only look like years (prices, counts, postcodes). */
function plausibleYear(year: number): boolean {
  return year >= 1800 && year <= 2200;
}

/** Two dates of different precision that do not contradict each other: "2014-05-23" and "2014-05". */
export function datesAgree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}
