/**
 * How a declared title (og:title, the <title>) and the headline a page shows
 * compare word for word: the tests of the headline rules that accept a
 * heading worded otherwise than the page's tags; and the parts a site joins
 * into a title ("Post | Blog"), which the headline and date rules both split.
 */
import type { Found, Named } from './extracted.js';
import { wordCount } from './furniture.js';
import { clean, comparable, shownLines } from './page-parts.js';

/** Half of the headline's words are in the declared title: the same story, worded for another place. */
export function sharesWords(headline: string, declared: string): boolean {
  const theirs = new Set(words(declared));
  const ours = words(headline);
  return ours.length > 0 && ours.filter((w) => theirs.has(w)).length * 2 >= ours.length;
}

/**
 * The declared title is a topic of one or two words (letters only, as an index names a page), every one
 * of them a word of a headline at least two words longer: the page's name in the site's index, not
 * another wording of its headline. A title with a number or a mark ("… (1/2)") is a headline's wording;
 * so is one in a script written without spaces, where a run of letters is a phrase, not a word.
 */
export function namesTopic(declared: string, headline: string): boolean {
  const tokens = clean(declared).split(/\s+/);
  if (tokens.length > 2 || !tokens.every((t) => /^[\p{L}\p{M}'’-]+$/u.test(t) && !UNSPACED.test(t)))
    return false;
  const topic = words(declared);
  const ours = words(headline);
  return (
    topic.length > 0 && ours.length >= topic.length + 2 && topic.every((w) => ours.includes(w))
  );
}

/** Scripts written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Burmese. */
export const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function words(text: string): string[] {
  return comparable(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2);
}

/**
 * Separators a site writes between the parts of a title: "Post | Blog", "Blog » Archive » Post", and the
 * single guillemets of WordPress's "Post ‹ Site" (the mark its admin screens use, which themes copy).
 */
export const TITLE_SEPARATOR = /\s+(?:\||–|—|-|::|·|•|»|«|›|‹|\/)\s+/;

/** A title whole, then its parts, split where the site joined its name, a section or an author to the headline. */
export function titleParts(title: string): string[] {
  const parts = title.split(TITLE_SEPARATOR).map((part) => part.trim());
  return parts.length > 1 ? [title, ...parts] : [title];
}

/**
 * "<h2>Hardware Reviews<br><span>[May 08, 2020, 10:59 am ET] – Post a Comment</span></h2>" under
 * "Hardware Reviews - Blue's News Story": a heading that prints the post's date and a link on a line of
 * its own below the headline, so that the heading as a whole says no part of the title. The one line of
 * such a heading that says a part of a declared title (two words or more, not the site's name), where
 * its other lines say none, is the headline.
 */
export function titlePartLine(
  headings: Element[],
  candidates: Named[],
  isSite: (part: string) => boolean,
): string | undefined {
  for (const [, value] of candidates) {
    const parts = new Set(
      titleParts(value)
        .filter((part) => wordCount(part) >= 2 && !isSite(part))
        .map(comparable),
    );
    for (const heading of headings) {
      const lines = shownLines(heading);
      if (lines.length < 2) continue;
      const saying = lines.filter((line) => parts.has(comparable(line)));
      if (saying.length === 1) return saying[0];
    }
  }
  return undefined;
}

/**
 * The runs of two or more neighbouring parts of a title, as it writes them, each shorter than the whole:
 * "Site Update - Leseprobe Band 14 / Kapitel 121" in "News - Site Update - Leseprobe Band 14 / Kapitel
 * 121 - Love Hina", a headline with separators of its own between a section's name and the site's.
 */
export function titleRuns(title: string): string[] {
  const pieces = title.split(new RegExp(`(${TITLE_SEPARATOR.source})`));
  const runs: string[] = [];
  // Parts are at even indexes, the separators between them at odd ones.
  for (let start = 0; start < pieces.length; start += 2)
    for (let end = start + 2; end < pieces.length; end += 2)
      if (start > 0 || end < pieces.length - 1)
        runs.push(
          pieces
            .slice(start, end + 1)
            .join('')
            .trim(),
        );
  return runs;
}

/**
 * A headline with separators of its own ("Site Update - Leseprobe Band 14 / Kapitel 121") is several
 * neighbouring parts of a title that adds a section's name before it and the site's after it: the first
 * heading that says such a run, of four words or more, of one of the titles (tried in their order).
 */
export function headingOfTitleRun(
  headings: string[],
  titles: [string, string][],
): Found | undefined {
  for (const [from, value] of titles) {
    const runs = titleRuns(value).filter((run) => wordCount(run) >= 4);
    const match = headings.find((h) => runs.some((run) => comparable(run) === comparable(h)));
    if (match) return { value: match, from: `the heading that says several parts of ${from}` };
  }
  return undefined;
}

/**
 * "Die Weltwoche | Weltwoche Online – www.weltwoche.ch: America:Steve Forbes: Trump is indeed a
 * billionaire. | …": a title part that runs the site's name and the section before the headline, each
 * closed by a colon, with or without a space after it. A heading of four words or more that the part
 * ends with, right after a colon, is the headline the title wraps.
 */
export function closesTitlePart(part: string, heading: string): boolean {
  const whole = comparable(part);
  const shown = comparable(heading);
  if (wordCount(heading) < 4 || whole === shown || !whole.endsWith(shown)) return false;
  return whole.slice(0, -shown.length).trimEnd().endsWith(':');
}
