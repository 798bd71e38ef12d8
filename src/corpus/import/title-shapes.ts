/**
 * Shapes of a page's declared titles that hide the headline a reader sees, each known by what the
 * page itself shows: a kicker the title joins to the headline or leaves out, the site's name and
 * tagline given as every page's title, and a file's name as the <title> of a document built without
 * headings.
 */
import { wordCount } from './furniture.js';
import {
  clean,
  comparable,
  inTeaser,
  leadingLabel,
  setWholly,
  shownLines,
  spacedText,
} from './page-parts.js';
import type { Site } from './site-name.js';
import { UNSPACED } from './title-words.js';

/**
 * "<h2><span class="c-overline">Linde</span> Gasekonzern muss Teile … verkaufen</h2>" under a declared
 * "Linde: Gasekonzern muss Teile … verkaufen": the page sets the topic apart as a kicker, a line of its
 * own above the headline, and its titles join the two. The heading's own words are the headline, also
 * where another element (a sticky bar's <h1>) repeats the joined title.
 */
export function kickerHeadline(document: Document, declared: string[]): string | undefined {
  for (const heading of document.querySelectorAll('h1, h2')) {
    if (inTeaser(heading)) continue;
    const label = leadingLabel(heading);
    if (label) {
      const shown = shownLines(heading).join(' ');
      if (wordCount(shown) >= 2 && joinsKicker(declared, label, shown, JOINERS)) return shown;
      continue;
    }
    // "<h2><span class="Stichwort">Fehlende Datensicherheit</span> Angriff mit dem Roboter</h2>" under
    // "Fehlende Datensicherheit: Angriff mit dem Roboter": a class the list above does not know, but the
    // titles join the heading's opening words to the rest with a mark the heading does not print, as
    // they join a kicker. The heading's words after that opening element are the headline.
    const first = heading.firstElementChild;
    if (!first || !INLINE.has(first.tagName) || first.previousSibling?.textContent?.trim())
      continue;
    const rest = spacedText(heading, (inner) => inner === first);
    if (wordCount(rest) >= 2 && joinsKicker(declared, first, rest, MARKED_JOINERS)) return rest;
  }
  return undefined;
}

/** A declared title is the kicker's words, a joining mark, and the heading's other words. */
function joinsKicker(
  declared: string[],
  kicker: Element,
  shown: string,
  joiners: string[],
): boolean {
  const words = clean(kicker.textContent ?? '');
  if (words === '') return false;
  const joined = joiners.map((joiner) => comparable(`${words}${joiner}${shown}`));
  return declared.some((value) => joined.includes(comparable(value)));
}

/** How a title joins a kicker to its headline: "Linde: …", "Linde - …", "Linde | …", "Linde …". */
const MARKED_JOINERS = [': ', ' - ', ' – ', ' — ', ' | '];
const JOINERS = [...MARKED_JOINERS, ' '];
/** Elements that set words apart inside a line of text, as a kicker inside a heading is set. */
const INLINE = new Set(['SPAN', 'STRONG', 'B', 'EM', 'I', 'SMALL', 'MARK']);

/**
 * "<h1><div class="entry-section"><a href="/sports/preps/">Preps | </a></div><span>Colorado high school
 * football playoffs: …</span></h1>" under an og:title of the headline's words alone: the heading opens
 * with a label in an element of its own (the section's name, a few words), which the titles leave out.
 * The words after it, where they say exactly what `declared` says, are the headline; else undefined.
 */
export function afterHeadingLabel(heading: Element, declared: string): string | undefined {
  const first = heading.firstElementChild;
  if (!first) return undefined;
  for (let node = heading.firstChild; node && node !== first; node = node.nextSibling)
    if (clean(node.textContent ?? '') !== '') return undefined;
  const label = clean(first.textContent ?? '');
  const shown = shownLines(heading).join(' ');
  if (label === '' || wordCount(label) > 4 || !shown.startsWith(label)) return undefined;
  const rest = clean(shown.slice(label.length).replace(/^\s*[|:–—-]\s/u, ''));
  return wordCount(rest) >= 2 && comparable(rest) === comparable(declared) ? rest : undefined;
}

/**
 * "HANNAS KRYPINHälsa och träningsglädje": a declared title that is the site's name and its tagline,
 * run together or joined as the site's header prints them one above the other ("<p class="site-title">
 * HANNAS KRYPIN</p><p class="site-description">Hälsa och träningsglädje</p>"): a theme that gives every
 * page the site's title, not the article's. The test is made for each declared title with what
 * `siteTagline` found once.
 */
export function brandingTitle(value: string, site: Site, tagline: string | undefined): boolean {
  if (tagline === undefined || site.outlet === undefined) return false;
  const title = comparable(value);
  const name = comparable(site.outlet);
  if (!title.startsWith(name)) return false;
  const rest = title
    .slice(name.length)
    .replace(/^\s*(?:[|:–—-]\s*)?/, '')
    .trim();
  return rest !== '' && rest === tagline;
}

/**
 * "adac-kindersitztest-herbst-2018": a declared title that is the page's slug, the lower-case words
 * joined by hyphens that a publishing system makes of an item's name for its address, where the editor
 * left the social title empty. No headline is written so: three or more words of small letters and
 * digits, joined without a space.
 */
export function slugTitle(value: string): boolean {
  return /^[\p{Ll}\d]+(?:[-_][\p{Ll}\d]+){2,}$/u.test(value.trim());
}

/**
 * The tagline the site's header prints after its declared name: the element that follows the one
 * holding the name and nothing else. Only the page's own text nodes are read, each once, so a large
 * page's text is never gathered element by element.
 */
export function siteTagline(
  document: Document,
  site: Site,
  titles: (string | undefined)[],
): string | undefined {
  if (site.outlet === undefined) return undefined;
  const name = comparable(site.outlet);
  // Looked for only where a declared title opens with the site's name.
  if (!titles.some((title) => title !== undefined && comparable(title).startsWith(name)))
    return undefined;
  for (const el of document.querySelectorAll('body *')) {
    const holdsName = [...el.childNodes].some(
      (node) =>
        node.nodeType === 3 &&
        (node.textContent ?? '').length <= name.length * 2 + 40 &&
        comparable(node.textContent ?? '') === name,
    );
    if (!holdsName) continue;
    let top = el;
    while (top.parentElement && comparable(top.parentElement.textContent ?? '') === name)
      top = top.parentElement;
    const tagline = comparable(top.nextElementSibling?.textContent ?? '');
    if (tagline !== '' && tagline.length <= 160) return tagline;
  }
  return undefined;
}

/**
 * A page built without heading elements, as a word processor saves a press release or a filing, sets
 * its headline as a paragraph in bold, before the story's first paragraph; its <title> is then a
 * file's name ("EX-99.1"), not words a reader takes for a title. The first bold paragraph of four
 * words or more, before any paragraph of prose, is the headline (a short "Exhibit 99.1" line above
 * it is not).
 */
export function boldParagraphHeadline(document: Document, declared: string[]): string | undefined {
  if (document.querySelector('h1, h2, h3')) return undefined;
  if (declared.some((value) => wordCount(value) >= 2)) return undefined;
  for (const p of document.querySelectorAll('p')) {
    const text = clean(p.textContent ?? '');
    if (text === '') continue;
    if (setWholly(p, /^(B|STRONG)$/)) {
      if (wordCount(text) >= 4) return text;
    } else if (text.length >= 60) return undefined;
  }
  return undefined;
}

/**
 * "中华人民共和国监察法-纪检", "法国全国大罢工再次严重影响交通-新华网", "顺德区…开展调研工作 东区办事处_中山网":
 * a <title> that adds the column's or the site's name to the headline with a mark written without
 * spaces around it ("_", "-", "|") or, in a script written without spaces between words, with a space
 * alone. Pages built this way often show the headline in no heading element but in a styled <div> or
 * <span>. The longest opening of the <title>, up to such a mark, that the page shows as a text of its
 * own is the headline, where what the title adds after it is shorter than it. A link is not the shown
 * headline: a carousel's or a list's link to this very story says it too.
 */
export function shownTitleOpening(document: Document, title: string): string | undefined {
  const text = clean(title);
  const openings = new Set<string>();
  for (let at = 1; at < text.length; at++) {
    const mark = PART_MARK.test(text[at]!);
    const space =
      text[at] === ' ' && (UNSPACED.test(text[at - 1]!) || UNSPACED.test(text[at + 1]!));
    if (!mark && !space) continue;
    const opening = text.slice(0, at).trim();
    const added = text.slice(at).replace(LEADING_MARKS, '');
    if (added !== '' && added.length < opening.length && wordCount(opening) >= 4)
      openings.add(comparable(opening));
  }
  if (openings.size === 0) return undefined;
  let longest: string | undefined;
  // Each text of the page is read once, as the element it is in says it (a large page's text is never
  // gathered element by element).
  for (const el of document.querySelectorAll('body *')) {
    if (NOT_SHOWN.has(el.tagName) || el.closest('a')) continue;
    for (const node of el.childNodes) {
      if (node.nodeType !== 3) continue;
      const shown = clean(node.textContent ?? '');
      if (shown.length > (longest?.length ?? 0) && openings.has(comparable(shown))) longest = shown;
    }
  }
  return longest;
}

/** Marks a site writes between a title's parts without spaces: "Headline_Site", "Headline-Column". */
const PART_MARK = /[_|｜\-–—·•»]/;
const LEADING_MARKS = /^[\s_|｜\-–—·•»]+/;
/** Elements whose text a reader never sees as the page's. */
const NOT_SHOWN = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TITLE',
  'OPTION',
  'TEXTAREA',
]);
