/**
 * The site's own name in a page's declared titles: what a title adds to the headline ("Headline |
 * Outlet", "Headline [Site]") and how a part of a title is known to name the site (its declared name,
 * a domain, its address, its logos, the heading that links to its home page).
 */
import { wordCount } from './furniture.js';
import { clean, comparable, inTeaser } from './page-parts.js';

/** What names the site: its declared name (og:site_name, the publisher), its address and host. */
export interface Site {
  outlet?: string | undefined;
  host?: string | undefined;
  /** The page's own address, where it gives one. */
  address?: string | undefined;
  /** What the page's logos say: the text of images inside links (their alt), as a reader sees them. */
  logos?: string[] | undefined;
}

/**
 * "Headline | Outlet", "Outlet - Headline", "Opinion | Headline" → "Headline", when the outlet, the
 * site or a section label is recognisable: the declared name, a domain ("Fortune.com"), a short name
 * spelt in the page's address ("CINEMABLEND", "Chicago Tribune" on www.chicagotribune.com), or the
 * label of an opinion piece.
 */
export function withoutSiteName(title: string, site: Site): string {
  // "欲張りなイヌ ＜福娘童話集 きょうのイソップ童話＞", "Headline [Site]": the site's name in brackets
  // after the headline, as pages in Japanese and Chinese often write it.
  const bracketed = BRACKETED_END.exec(title);
  if (bracketed && namesSite(bracketed[2]!, site)) return bracketed[1]!;
  // "見出し:phpspot開発日誌", "見出し：サイト名": Japanese and Chinese titles join the site's name with a
  // colon, often with no space around it; taken off where what follows the last colon names the site.
  const colon = /^(.*\S)\s*[:：]\s*([^:：]+)$/u.exec(title);
  if (colon && namesSite(colon[2]!, site)) return colon[1]!;
  // "Above Avalon: Apple Watch Momentum Is Building": a site builder that writes the site's name and a
  // colon before every post's title. Taken off where what precedes the first colon names the site.
  const named = /^([^:：]+?)\s*[:：]\s+(.*\S)$/u.exec(title);
  if (named && namesSite(named[1]!, site) && wordCount(named[2]!) >= 2) return named[2]!;
  const whole = withoutWholeName(title, site.outlet);
  if (whole) return whole;
  const post = withoutBlogName(title, site);
  if (post) return post;
  const parts = title.split(SITE_NAME_SEPARATOR);
  if (parts.length < 2) return title;
  if (namesSite(parts.at(-1)!, site)) {
    const rest = title
      .slice(0, title.lastIndexOf(parts.at(-1)!))
      .replace(new RegExp(`${SITE_NAME_SEPARATOR.source}$`), '');
    return withoutBlogName(rest, site) ?? rest;
  }
  if (namesSite(parts[0]!, site) || SECTION_LABEL.test(parts[0]!.trim()))
    return title.slice(parts[0]!.length).replace(new RegExp(`^${SITE_NAME_SEPARATOR.source}`), '');
  return title;
}

/**
 * "Headline - INCURVY Plus-Size Fashion - BLOG": a declared name that itself holds a separator is never
 * one part of the split title (its last part, "BLOG", names nothing), so it is taken off whole where the
 * title ends with it after a separator, or opens with it before one. Only the whole declared name counts:
 * a headline's own words after a dash may begin like it.
 */
function withoutWholeName(title: string, outlet: string | undefined): string | undefined {
  if (!outlet || !SITE_NAME_SEPARATOR.test(outlet)) return undefined;
  const name = comparable(outlet);
  for (const m of title.matchAll(new RegExp(SITE_NAME_SEPARATOR.source, 'g'))) {
    const before = title.slice(0, m.index);
    const after = title.slice(m.index + m[0].length);
    if (comparable(after) === name && before.trim()) return before.trim();
    if (comparable(before) === name && after.trim()) return after.trim();
  }
  return undefined;
}

/**
 * "新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天" → the post's title: blog platforms join it to the blog's
 * name with an "@" (and may add their own name after that, " :: 痞客邦 PIXNET ::", taken off first),
 * where what follows the "@" names the site.
 */
function withoutBlogName(title: string, site: Site): string | undefined {
  const at = /^(.*\S)\s+@\s+(.+)$/u.exec(title);
  return at && namesSite(at[2]!, site) ? at[1]! : undefined;
}

/** A part of a title that names the site: its declared name, a domain, its address or its logo. */
export function namesSite(part: string, site: Site): boolean {
  return (
    (site.outlet !== undefined && comparable(part) === comparable(site.outlet)) ||
    // A domain is one word ("Tested.com"): a phrase that ends in one ("Custom Display! - Tested.com",
    // what follows a colon inside a headline) holds more than the site's name.
    /^\S+\.(com|org|net|co\.uk|de|fr|info)$/i.test(part.trim()) ||
    inAddress(part, site.host) ||
    (site.logos ?? []).some((logo) => comparable(logo) === comparable(part))
  );
}

/**
 * Separators between a headline and the site's name: "Headline | Site", "Post » Network - Blogs". Each
 * part is judged alone, so a part that holds the headline and a name ("Post » SciLogs") is never taken
 * for the site's name because the address spells one of its words.
 */
const SITE_NAME_SEPARATOR = /\s+(?:\||–|—|-|::|·|•|»|«|›|‹)\s+/;

/** A title ending in a part set in brackets: full-width, CJK or ASCII ones. */
const BRACKETED_END = /^(.+?)\s*[＜<【[（(「『〈《]([^＜<【[（(「『〈《]+)[＞>】\]）)」』〉》]$/u;

/**
 * The names a page's logos show: the alt text of an image inside a link (the site's logo links to its
 * home page). Images in teasers are other stories', not the site's.
 */
export function logoNames(document: Document): string[] {
  return [...document.querySelectorAll('a img[alt]')]
    .filter((img) => !inTeaser(img) && !linksToImage(img))
    .map((img) => clean(img.getAttribute('alt') ?? ''))
    .filter((alt) => alt.length > 0);
}

/**
 * An image inside a link to an image file: a photo that opens larger (a lightbox), whose alt text is the
 * story's headline or caption, not a logo; a logo links to a page.
 */
function linksToImage(img: Element): boolean {
  const href = img.closest('a')?.getAttribute('href') ?? '';
  return /\.(jpe?g|png|gif|webp|avif)(\?.*)?$/i.test(href.trim());
}

/** Labels a site sets before an opinion piece's headline in its <title>: not words of the headline. */
const SECTION_LABEL = /^(opinion|analysis|commentary|editorial|perspective)$/i;

/**
 * A short part of a title that spells the site's address: "ABC News" on abcnews.go.com, "Fandom
 * powered by Wikia" on fandom.wikia.com. Letters and digits only, so spaces and capitals do not count.
 */
function inAddress(part: string, host: string | undefined): boolean {
  if (!host || wordCount(part) > 5) return false;
  const squash = (t: string): string => comparable(t).replace(/[^\p{L}\p{N}]/gu, '');
  const name = squash(part);
  const labels = host
    .toLowerCase()
    .split('.')
    .slice(0, -1)
    .filter((l) => l !== 'www' && l.length >= 4);
  return (
    name.length >= 4 &&
    (squash(host).includes(name) || labels.some((l) => name.includes(squash(l))))
  );
}

/**
 * A heading whose only content is a link to the site's home page ("<h1><a href="/">The Film Gang</a>",
 * a blog's name above each post): the site's name, not the article's headline. The home page is the
 * root of the site or a first folder that the page's own address is inside ("/filmgang/" for
 * "/filmgang/2013/02/08/stand-up-guys/"); a heading that links to the article itself is its headline.
 */
export function linksHome(heading: Element, address: string | undefined): boolean {
  const links = heading.querySelectorAll('a[href]');
  if (links.length !== 1) return false;
  const link = links[0]!;
  // The link is the whole heading, or the heading adds a short label to it ("BLOG: <a>Die
  // Engelbart-Galaxis</a>", the blog's name above each post of a blog network).
  const label = clean(heading.textContent ?? '')
    .replace(clean(link.textContent ?? ''), '')
    .trim();
  if (clean(link.textContent ?? '') === '' || (label !== '' && !SHORT_LABEL.test(label)))
    return false;
  let target: URL;
  let page: URL | undefined;
  try {
    page = address ? new URL(address) : undefined;
    target = new URL(link.getAttribute('href') ?? '', page ?? 'http://page.invalid/');
  } catch {
    return false;
  }
  if (target.search !== '') return false;
  const path = target.pathname.replace(/\/index\.\w+$/, '/');
  if (page && target.hostname.replace(/^www\./, '') !== page.hostname.replace(/^www\./, ''))
    return false;
  if (path === '/' || path === '') return true;
  const folder = path.endsWith('/') ? path : `${path}/`;
  return (
    page !== undefined &&
    /^\/[^/]+\/$/.test(folder) &&
    page.pathname.startsWith(folder) &&
    page.pathname.length > folder.length
  );
}

/** A label of one or two words set before a blog's or a section's name: "BLOG:", "Das Blog –". */
const SHORT_LABEL = /^[\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+)?\s*[:|–—-]?$/u;
