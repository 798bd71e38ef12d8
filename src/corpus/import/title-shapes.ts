/**
 * Shapes of a page's declared titles that hide the headline a reader sees, each known by what the
 * page itself shows: a kicker the title joins to the headline, the site's name and tagline given as
 * every page's title, and a file's name as the <title> of a document built without headings.
 */
import { wordCount } from './furniture.js';
import { clean, comparable, inTeaser, leadingLabel, setWholly, shownLines } from './page-parts.js';
import { namesSite, type Site } from './site-name.js';

/**
 * "<h2><span class="c-overline">Linde</span> Gasekonzern muss Teile … verkaufen</h2>" under a declared
 * "Linde: Gasekonzern muss Teile … verkaufen": the page sets the topic apart as a kicker, a line of its
 * own above the headline, and its titles join the two. The heading's own words are the headline, also
 * where another element (a sticky bar's <h1>) repeats the joined title.
 */
export function kickerHeadline(document: Document, declared: string[]): string | undefined {
  for (const heading of document.querySelectorAll('h1, h2')) {
    const label = leadingLabel(heading);
    if (!label || inTeaser(heading)) continue;
    const kicker = clean(label.textContent ?? '');
    const shown = shownLines(heading).join(' ');
    if (wordCount(shown) < 2) continue;
    const joined = JOINERS.map((joiner) => comparable(`${kicker}${joiner}${shown}`));
    if (declared.some((value) => joined.includes(comparable(value)))) return shown;
  }
  return undefined;
}

/** How a title joins a kicker to its headline: "Linde: …", "Linde - …", "Linde | …", "Linde …". */
const JOINERS = [': ', ' - ', ' – ', ' — ', ' | ', ' '];

/**
 * "HANNAS KRYPINHälsa och träningsglädje": a declared title that is the site's name and its tagline,
 * run together or joined as the site's header prints them one above the other ("<p class="site-title">
 * HANNAS KRYPIN</p><p class="site-description">Hälsa och träningsglädje</p>"): a theme that gives every
 * page the site's title, not the article's.
 */
export function brandingTitle(value: string, document: Document, site: Site): boolean {
  const title = comparable(value);
  for (const el of document.querySelectorAll('body *')) {
    const name = clean(el.textContent ?? '');
    if (name === '' || name.length > 80 || !title.startsWith(comparable(name))) continue;
    const tagline = el.nextElementSibling;
    if (!tagline || !namesSite(name, site)) continue;
    const rest = title
      .slice(comparable(name).length)
      .replace(/^\s*(?:[|:–—-]\s*)?/, '')
      .trim();
    if (rest !== '' && rest === comparable(clean(tagline.textContent ?? ''))) return true;
  }
  return false;
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
