/** What every date reader shares: a day written YYYY-MM-DD, and the checks that its numbers can be one. */

export interface TextDate {
  date: string;
  /** The words the date was read from. */
  text: string;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Rules out numbers that only look like years (prices, counts, postcodes). */
export function plausibleYear(year: number): boolean {
  return year >= 1800 && year <= 2200;
}

/** A year, month and day as "2021-02-03", or nothing where the month or the day cannot be one. */
export function dayOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A two-digit year as POSIX reads one (strptime's %y): 69-99 are 1969-1999, 00-68 are 2000-2068. */
export function fullYear(yy: number): number {
  return yy >= 69 ? 1900 + yy : 2000 + yy;
}

/** Two dates of different precision that do not contradict each other: "2014-05-23" and "2014-05". */
export function datesAgree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}
