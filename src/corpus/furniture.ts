/**
 * Page furniture: the parts of a saved web page that are not the article.
 * These rules are general (they describe kinds of furniture seen on news
 * sites), never written for one particular article.
 */

/** Lines that are furniture wherever they appear. */
const NAVIGATION: { pattern: RegExp; reason: string }[] = [
  { pattern: /^(jump|skip) to\b/i, reason: 'site navigation links' },
  { pattern: /^[\p{L} &]{2,30}\s?>\s?[\p{L} &]{2,30}(\s?>\s?[\p{L} &]{2,30})*$/u, reason: 'breadcrumb navigation' },
  { pattern: /^(share|tweet|email|print)( this( article| story)?)?:?$/i, reason: 'sharing buttons' },
  { pattern: /^advertisement$/i, reason: 'advertisement label' },
  { pattern: /^(\d+\s+comments?|comments?\s*\(\d+\))$/i, reason: 'comment counter' },
  { pattern: /logo$/i, reason: 'site logo text' },
];

/** Lines that start the page footer: they and everything after them go. */
const FOOTER_STARTS: { pattern: RegExp; reason: string }[] = [
  { pattern: /^related (news|articles|stories|content|coverage)\b/i, reason: 'related-news list' },
  { pattern: /^(more|read more|also read|see also|recommended)( from| on| stories)?\b.{0,40}$/i, reason: 'further-reading list' },
  { pattern: /^go to forum\b/i, reason: 'forum link and comment counter' },
  { pattern: /^(leave a |post a |add a )?comments?\b.{0,20}$/i, reason: 'comments section' },
  { pattern: /^note to (our )?readers\b/i, reason: 'site notice and footer' },
  { pattern: /^(copyright|©|\(c\))\s/i, reason: 'copyright footer' },
  { pattern: /^(follow us|subscribe|sign up)\b/i, reason: 'subscription promo' },
];

export function navigationReason(text: string): string | undefined {
  return NAVIGATION.find((rule) => rule.pattern.test(text))?.reason;
}

export function footerReason(text: string): string | undefined {
  return FOOTER_STARTS.find((rule) => rule.pattern.test(text))?.reason;
}

/** A timestamp line such as "2010-11-04 09:29" or "Updated: April 23, 2013". */
export function timestamp(text: string): string | undefined {
  const iso = /^(?:(?:updated|published|posted)\s*:?\s*)?(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/i.exec(text);
  if (iso) return iso[1];
  const months = 'january|february|march|april|may|june|july|august|september|october|november|december';
  const long = new RegExp(`^(?:(?:updated|published|posted)\\s*:?\\s*)?(${months}) (\\d{1,2}), (\\d{4})$`, 'i').exec(text);
  if (long) {
    const month = months.split('|').indexOf(long[1]!.toLowerCase()) + 1;
    return `${long[3]}-${String(month).padStart(2, '0')}-${long[2]!.padStart(2, '0')}`;
  }
  return undefined;
}

/** Article text: a sentence of some length that ends like one. */
export function looksLikeProse(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 8 && /[.!?:;"'”’)\]]$/.test(text);
}

/** Hints that a paragraph is a photo caption or a credit line rather than reporting. */
export function doubtfulReason(text: string): string | undefined {
  if (/\((left|right|center|centre|top|bottom|pictured)\)|^(photo|file photo|pictured)\b/i.test(text)) {
    return 'looks like a photo caption';
  }
  if (/^(with )?(additional )?reporting by\b|^(compiled|written|edited) by\b/i.test(text)) return 'is a credit line';
  return undefined;
}

/** "MOSCOW - Russia pledged..." → "Moscow". */
export function dateline(text: string): string | undefined {
  const match = /^([A-Z][A-Z .'’-]{2,30}?)(?:,\s*[A-Za-z .]+)?\s*(?:\([^)]*\))?\s+[-–—]+\s+/.exec(text);
  if (!match) return undefined;
  return match[1]!
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])\p{L}/gu, (s) => s.toUpperCase());
}
