/**
 * Short numeric dates with a two-digit or slashed year ("10/9/10 7:15 AM", "CHQ Staff | 10/17/18",
 * "17.7.11"), which chrono-node would read in any order or not at all. Each is taken only where its
 * place on the page shows it is a date, not a score, a fraction or a version number.
 */
import { dayOf, fullYear, plausibleYear, type TextDate } from './day.js';

/** Only pages in American English, or English without a region, write the month first. */
function monthFirst(lang: string | undefined): boolean {
  return !lang || /^en(-us)?$/i.test(lang);
}

/**
 * A dateline's short numeric date with a two-digit year, "10/9/10 7:15 AM EDT" or "8/17/13 11:04am",
 * read month first as American English pages write it; only next to a clock time, so a fraction or a
 * score is never taken for a date.
 */
export function numericDate(text: string, lang?: string): TextDate | undefined {
  if (!monthFirst(lang)) return undefined;
  const match = /\b(\d{1,2})\/\s?(\d{1,2})\/(\d{2})\s+\d{1,2}:\d{2}(?!\d)/.exec(text);
  if (!match) return undefined;
  const [, month, day, year] = match.map(Number) as [number, number, number, number];
  const date = dayOf(fullYear(year), month, day);
  return date ? { date, text: match[0] } : undefined;
}

/**
 * "CHQ Staff | 10/17/18": a short numeric date that ends a byline or a date element, with no clock
 * time beside it, read month first as American English pages write it. Only where it closes the line
 * after a separator or stands alone, so a score or a fraction inside a sentence is never taken for it.
 */
export function bylineNumericDate(text: string, lang?: string): TextDate | undefined {
  if (!monthFirst(lang)) return undefined;
  const match = /(?:^|[|·•,]|\s-)\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const year = match[3]!;
  const full = year.length === 2 ? fullYear(Number(year)) : Number(year);
  const date = plausibleYear(full) ? dayOf(full, Number(match[1]), Number(match[2])) : undefined;
  return date ? { date, text: match[0].replace(/^[\s|·•,-]+/, '') } : undefined;
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
  return match ? dottedDay(match) : undefined;
}

/**
 * "Von: Björn Jahner | 31.10.23": a short day.month.year that closes a byline or a story's meta line
 * after a separator, as German-language pages print the day beside the author. In a meta line a
 * number alone may be a version ("1.2.10"), so only a date set off from the author's name by "|",
 * "·", "•", a comma or a dash, and ending the line, is taken.
 */
export function bylineDottedDate(text: string): TextDate | undefined {
  const match = /(?:[|·•,]|\s[-–])\s*(\d{1,2})\.(\d{1,2})\.(\d{2})\s*$/.exec(text);
  return match ? dottedDay(match) : undefined;
}

/** The day of a matched short dotted date: the day, the month and the two-digit year. */
function dottedDay(match: RegExpExecArray): TextDate | undefined {
  const [first, second, year] = match.slice(1, 4).map(Number) as [number, number, number];
  // "12.16.14": no 16th month, so the date is written month first, as in the United States. Only where
  // the day-first reading is impossible: "06.12.14" stays the 6th of December.
  const [day, month] = second > 12 && first <= 12 ? [second, first] : [first, second];
  const date = dayOf(fullYear(year), month, day);
  const text = /\d{1,2}\.\d{1,2}\.\d{2}/.exec(match[0])![0];
  return date ? { date, text } : undefined;
}
