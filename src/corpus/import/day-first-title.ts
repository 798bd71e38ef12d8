/**
 * A post's heading that opens with the day it ran, written in figures ("2020-11-28 the verboten band",
 * ">>> 2020-11-28 the verboten band", as a newsletter's archive prints each issue): the day is the
 * post's date, the words after it are its title.
 */

/**
 * Marks a blog may set before the day (">>>", "#", "»"), the day as year, month and day with the same
 * separator twice, then an optional colon or dash, then the title's first letter.
 */
const DAY_FIRST = /^[^\p{L}\p{N}]*((?:19|20)\d\d)([-/.])(\d\d)\2(\d\d)\s*[:|–—-]?\s+(?=\p{L})/u;

/** The day a title opens with, as YYYY-MM-DD, where it is a real day. */
export function openingDay(title: string): string | undefined {
  const m = DAY_FIRST.exec(title.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${m[1]}-${m[3]}-${m[4]}`;
}

/** The title less the day it opens with and the marks before it; unchanged where it opens with none. */
export function withoutOpeningDay(title: string): string {
  return openingDay(title) ? title.trim().replace(DAY_FIRST, '') : title;
}
