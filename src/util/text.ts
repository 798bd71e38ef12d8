/** Small text helpers shared by the checks, the scoring and the renderers. */

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/**
 * Loose form for comparing evidence with the article: whitespace runs become
 * one space and curly quotes become straight ones. Nothing else is forgiven,
 * so a quote that rewords the article is still caught.
 */
export function looseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Form used to compare a student's short answer with the accepted ones:
 * case, surrounding space and punctuation are ignored (formats.md §2).
 */
export function answerKey(text: string): string {
  // Most text is plain ASCII: there NFC and curly quotes cannot occur, and
  // every printable character that is not a letter or digit is punctuation or
  // a symbol, so one cheap pattern does what the Unicode ones do.
  if (ASCII.test(text))
    return text.toLowerCase().replace(ASCII_PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
  return looseText(text)
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// eslint-disable-next-line no-control-regex -- "every character below 128", controls included
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]+/g;

/** Whether two strings are at most `limit` edits apart (Levenshtein), without computing more. */
export function withinEditDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    // Every later row is at least this row's smallest value.
    if (best > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = suggest(word, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Choice letters: A..Z, then AA, AB... (a question never needs that many). */
export function letter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export function letterIndex(value: string): number {
  let n = 0;
  for (const ch of value.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The text on one line, cut to `max` characters with an ellipsis, for quoting in messages. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The first `count` words of `text`, with " …" where it was cut, for a table cell. */
export function firstWords(text: string, count: number): string {
  const all = text.split(/\s+/).filter(Boolean);
  return all.length <= count ? all.join(' ') : `${all.slice(0, count).join(' ')} …`;
}
