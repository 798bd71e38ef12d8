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
  const match = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?\s*$/.exec(value);
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
  // chrono tries dozens of patterns: only ask it about text that names a year at all.
  if (!/\b(1[89]|2[01])\d\d\b/.test(text)) return undefined;
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (iso) {
    const date = isoDate(iso[1]!);
    if (date) return { date, text: iso[1]! };
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
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Rules out numbers that only look like years (prices, counts, postcodes). */
function plausibleYear(year: number): boolean {
  return year >= 1800 && year <= 2200;
}
