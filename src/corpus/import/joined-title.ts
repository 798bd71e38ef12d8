/**
 * Titles whose parts are joined without spaces. Many sites, Chinese ones above all, join the site's or
 * the section's name to the headline with a bare hyphen or underscore: "阿里发布最强AI芯片…GPU-EDN 电子
 * 技术设计", "明日股市预测--最新出炉联合国贸发报告…", "…的决议__2007年第23号国务院公报_中国政府网". The
 * title splitter does not take a hyphen without spaces for a separator ("COVID-19", "e-mail", "Jean-Luc"
 * are words), so such a title is only split where the page itself prints one of its pieces whole.
 */
import { wordCount } from './furniture.js';
import {
  clean,
  comparable,
  inBreadcrumb,
  insideClass,
  inTeaser,
  screenReaderOnly,
  shownLines,
} from './page-parts.js';
import { UNSPACED } from './title-words.js';

/**
 * A hyphen or underscore, single or doubled, with no space on either side; a single hyphen beside a
 * digit is part of a word or a number ("COVID-19", "F-16", "2019-20"), not a join.
 */
const BARE_JOINER = /(?<=\S)(?:--?|__?)(?=\S)/g;

/**
 * Where a headline is printed, on pages that set it in no <h1>: a heading of any level, an element
 * named for a title ("title-text", "con-title"), or bold text (a gazette's resolution, set in bold
 * lines above its text).
 */
const PRINTED = 'h1, h2, h3, h4, h5, h6, [class*="title" i], [id*="title" i], strong, b';

/** The class words of the site's own name and logo: an element there names the site, not the story. */
const SITE_WORDS = /^(site|logo|brand|masthead|banner)$/;

/**
 * The piece of a declared title, cut at its bare hyphens or underscores, that the page prints whole as
 * the text of one element, outside menus, lists of other stories, breadcrumbs and links: that element's
 * text, as the page shows it. A piece must be a headline's length (four words, or six characters of a
 * script written without spaces), so a section's name printed in a tab is never taken; where several
 * pieces are printed, the longest is the headline, not the site's or the section's name.
 */
export function joinedTitlePiece(document: Document, titles: string[]): string | undefined {
  const elements = [...document.querySelectorAll(PRINTED)].filter(
    (el) =>
      el.closest('head, a') === null &&
      !inTeaser(el) &&
      !inBreadcrumb(el) &&
      !screenReaderOnly(el) &&
      insideClass(el, SITE_WORDS) === undefined,
  );
  for (const title of titles) {
    const pieces = piecesOf(clean(title)).filter(
      (piece) => wordCount(piece) >= (UNSPACED.test(piece) ? 6 : 4),
    );
    if (pieces.length === 0) continue;
    const wanted = new Set(pieces.map(tight));
    let best: string | undefined;
    for (const el of elements) {
      const shown = joinLines(shownLines(el));
      if (wanted.has(tight(shown)) && (best === undefined || shown.length > best.length))
        best = shown;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/**
 * Every run of the title's pieces between two bare joiners ("A-B-C": "A", "B", "C", "A-B", "B-C"),
 * not the whole title: a headline may hold a hyphen of its own ("COVID-19疫情…-Site").
 */
function piecesOf(title: string): string[] {
  const cuts = [...title.matchAll(BARE_JOINER)]
    .filter((m) => m[0] !== '-' || !/\d/.test(title[m.index - 1]! + title[m.index + 1]!))
    .map((m) => [m.index, m.index + m[0].length]);
  if (cuts.length === 0) return [];
  const starts = [0, ...cuts.map(([, end]) => end!)];
  const ends = [...cuts.map(([start]) => start!), title.length];
  const pieces: string[] = [];
  for (let i = 0; i < starts.length; i++)
    for (let j = i; j < ends.length; j++)
      if (i > 0 || j < ends.length - 1) pieces.push(title.slice(starts[i], ends[j]).trim());
  return pieces;
}

/** Lines of a headline set over several lines: joined without a space between two unspaced scripts' letters. */
function joinLines(lines: string[]): string {
  return lines.reduce(
    (text, line) =>
      text === ''
        ? line
        : UNSPACED.test(text.at(-1)!) && UNSPACED.test(line[0]!)
          ? text + line
          : `${text} ${line}`,
    '',
  );
}

/** Comparable, and in a text of an unspaced script with no spacing at all: "2007\u3000年末" (an ideographic space) is "2007年末". */
function tight(text: string): string {
  const same = comparable(text);
  return UNSPACED.test(same) ? same.replace(/\s+/g, '') : same;
}
