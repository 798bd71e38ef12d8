/**
 * A page's metadata: headline, outlet, publication date, author and address,
 * each with where it was found. Structured data the publisher wrote for
 * search engines and social sites (JSON-LD, Open Graph, article: tags) comes
 * first; then the page's visible headline, <time> elements and dateline text.
 */
import { isoDate, dateInText, numericDate } from './dates.js';
import type { Found } from './extracted.js';
import { bylineAuthor, wordCount } from './furniture.js';

export interface PageMetadata {
  title?: Found;
  outlet?: Found;
  published?: Found;
  author?: Found;
  url?: Found;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /Article|Posting|Report|NewsArticle|Blog|Story|Review|Opinion|Analysis/;

export function pageMetadata(document: Document, html: string, fetchedFrom?: string): PageMetadata {
  const meta = metaTags(document);
  const ld = jsonLd(document);
  const article =
    ld.find((o) => ARTICLE_TYPES.test(types(o).join(' '))) ??
    ld.find((o) => typeof o['headline'] === 'string');
  const found: PageMetadata = {};

  const outlet = first([
    ['og:site_name', meta.get('og:site_name')],
    ['the JSON-LD publisher', name(article?.['publisher'])],
    ['the JSON-LD WebSite name', name(ld.find((o) => types(o).includes('WebSite')))],
    ['application-name', meta.get('application-name')],
  ]);
  if (outlet) found.outlet = outlet;

  const title = headline(document, meta, article, outlet?.value);
  if (title) found.title = title;

  const author = first([
    ['the JSON-LD author', names(article?.['author'])],
    ['the author meta tag', personName(meta.get('author'))],
    ['article:author', personName(meta.get('article:author'))],
    ['the byline', byline(document)],
  ]);
  if (author) found.author = author;

  const canonical =
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined;
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1];
  const url = first([
    ['the canonical link', absoluteUrl(canonical)],
    ['og:url', absoluteUrl(meta.get('og:url'))],
    ['the browser\u2019s "saved from" note', absoluteUrl(savedFrom)],
    ['the address it was fetched from', fetchedFrom],
  ]);
  if (url) found.url = url;

  const published = publishedDate(document, meta, article) ?? urlDate(url?.value);
  if (published) found.published = published;
  return found;
}

function first(candidates: [string, string | undefined][]): Found | undefined {
  for (const [from, value] of candidates) {
    const clean = value?.replace(/\s+/g, ' ').trim();
    if (clean) return { value: clean, from };
  }
  return undefined;
}

function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of document.querySelectorAll('meta')) {
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop') ??
      ''
    )
      .trim()
      .toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !tags.has(key)) tags.set(key, decodeEntities(content));
  }
  return tags;
}

/** Every JSON-LD object on the page, with @graph and arrays flattened. Broken JSON is skipped. */
function jsonLd(document: Document): Json[] {
  const objects: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      objects.push(value as Json);
      const graph = (value as Json)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken structured data is the publisher's bug: fall back to the other sources.
    }
  }
  return objects;
}

function types(o: Json): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function name(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return name(value[0]);
  if (value && typeof value === 'object') {
    const n = (value as Json)['name'];
    return typeof n === 'string' ? n : undefined;
  }
  return undefined;
}

function names(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value]).map(name).map((n) => personName(n));
  const clean = [...new Set(list.filter((n): n is string => Boolean(n)))];
  return clean.length ? clean.join(' and ') : undefined;
}

/** An author meta value that is a name, not a profile address or a site handle. */
function personName(value: string | undefined): string | undefined {
  if (!value || /^https?:|^@|\/|www\./i.test(value)) return undefined;
  return value.replace(/^by\s+/i, '');
}

function byline(document: Document): string | undefined {
  for (const el of document.querySelectorAll(
    '[rel="author"], [itemprop="author"], [class*="byline" i], [class*="author" i]',
  )) {
    if (
      el.closest('nav, aside') ??
      insideClass(el, /^(related|comments?|recommended|recommendations?)$/)
    )
      continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const author =
      bylineAuthor(text) ??
      (el.getAttribute('rel') === 'author' && text.split(' ').length <= 5 ? text : undefined);
    if (author) return author;
  }
  return undefined;
}

/**
 * The headline the page shows: an <h1> that matches the title the publisher
 * declared (og:title, JSON-LD headline), or that declared title without the
 * site's name appended ("Headline | Outlet").
 */
function headline(
  document: Document,
  meta: Map<string, string>,
  article: Json | undefined,
  outlet: string | undefined,
): Found | undefined {
  const declared: [string, string | undefined][] = [
    ['og:title', meta.get('og:title')],
    [
      'the JSON-LD headline',
      typeof article?.['headline'] === 'string' ? article['headline'] : undefined,
    ],
    ['twitter:title', meta.get('twitter:title')],
    ['the page <title>', document.querySelector('title')?.textContent ?? undefined],
  ];
  const candidates = declared
    .map(
      ([from, v]) =>
        [from, v === undefined ? undefined : withoutSiteName(clean(v), outlet)] as [
          string,
          string | undefined,
        ],
    )
    .filter(([, v]) => v);
  const h1s = [...document.querySelectorAll('h1')]
    .map((h) => clean(h.textContent ?? ''))
    .filter((t) => t.length > 0);
  for (const [from, value] of candidates) {
    const match = h1s.find(
      (h) =>
        comparable(h) === comparable(value!) ||
        (comparable(value!).includes(comparable(h)) && wordCount(h) >= 4),
    );
    if (match) return { value: match, from: `the page's <h1>, matching ${from}` };
  }
  // A page's one headline is what its readers see, also when the title it declared for social sites
  // is worded differently ("The Few. The Proud. The New Marines?" shown, "... Getting a Makeover?" shared).
  const headlines = h1s.filter(
    (h) =>
      wordCount(h) >= 2 &&
      !bylineAuthor(h) &&
      (outlet === undefined || comparable(h) !== comparable(outlet)),
  );
  if (headlines.length === 1 && candidates.some(([, v]) => sharesWords(headlines[0]!, v!)))
    return {
      value: headlines[0]!,
      from: "the page's <h1> (its declared title is worded otherwise)",
    };
  const shown = candidates[0];
  if (shown && shown[0] !== 'the page <title>') return { value: shown[1]!, from: shown[0] };
  const mainH1 = h1s.find(
    (h) =>
      wordCount(h) >= 2 &&
      !bylineAuthor(h) &&
      (outlet === undefined || comparable(h) !== comparable(outlet)),
  );
  if (mainH1) return { value: mainH1, from: "the page's <h1>" };
  return shown ? { value: shown[1]!, from: shown[0] } : undefined;
}

/** "Headline | Outlet", "Outlet - Headline" → "Headline", when the outlet or the site is recognisable. */
function withoutSiteName(title: string, outlet: string | undefined): string {
  const parts = title.split(/\s+(?:\||–|—|-|::|·|•)\s+/);
  if (parts.length < 2) return title;
  const site = (s: string): boolean =>
    (outlet !== undefined && comparable(s) === comparable(outlet)) ||
    /\.(com|org|net|co\.uk|de|fr|info)$/i.test(s.trim());
  if (site(parts.at(-1)!))
    return title
      .slice(0, title.lastIndexOf(parts.at(-1)!))
      .replace(/\s+(?:\||–|—|-|::|·|•)\s+$/, '');
  if (site(parts[0]!))
    return title.slice(parts[0]!.length).replace(/^\s+(?:\||–|—|-|::|·|•)\s+/, '');
  return title;
}

function publishedDate(
  document: Document,
  meta: Map<string, string>,
  article: Json | undefined,
): Found | undefined {
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  const fromValue = (value: unknown): string | undefined =>
    typeof value === 'string' ? (isoDate(value) ?? dateInText(value, lang)?.date) : undefined;
  // Three kinds of sources, most specific first. (1) Markup that says "this is the publication date":
  // structured data and the article's <time itemprop="datePublished"> or <time pubdate>, the date shown
  // to readers. (2) Generic date tags written for other programs (a mailing list's "sailthru.date", a
  // search engine's "date"): these are sometimes the time in another zone or of a later edit. (3) Any
  // other <time> of the article, a time the page marks as an update last.
  const declared: [string, unknown][] = [
    ['JSON-LD datePublished', article?.['datePublished']],
    ['article:published_time', meta.get('article:published_time')],
    ['og:article:published_time', meta.get('og:article:published_time')],
    ['the datePublished meta tag', meta.get('datepublished')],
  ];
  for (const [from, value] of declared) {
    const date = fromValue(value);
    if (date) return { value: date, from };
  }
  // The article's own <time>, not one in a menu, a comment, a teaser for another story, or the page footer
  // (an article's own <footer> often carries its date, so only footers outside the article count).
  const outside = (t: Element): boolean =>
    Boolean(
      t.closest('nav, aside') ??
      insideClass(t, ASIDE_WORDS) ??
      (t.closest('footer') && !t.closest('article, main')),
    );
  const timeDate = (selector: string, skip: (t: Element) => boolean): Found | undefined => {
    for (const time of document.querySelectorAll(selector)) {
      if (outside(time) || skip(time)) continue;
      const value = time.getAttribute('datetime') ?? time.getAttribute('content') ?? '';
      const date = isoDate(value) ?? dateInText(time.textContent ?? '', lang)?.date;
      if (date)
        return {
          value: date,
          from: `the <${time.tagName.toLowerCase()}> element "${clean(time.textContent ?? value).slice(0, 60)}"`,
        };
    }
    return undefined;
  };
  const marked = timeDate('[itemprop="datePublished"], time[pubdate]', () => false);
  if (marked) return marked;
  const generic = fromValue(
    meta.get('date') ??
      meta.get('pubdate') ??
      meta.get('publishdate') ??
      meta.get('publish-date') ??
      meta.get('article.published') ??
      meta.get('sailthru.date') ??
      meta.get('parsely-pub-date') ??
      meta.get('dc.date.issued') ??
      meta.get('dc.date') ??
      meta.get('dcterms.date') ??
      meta.get('citation_publication_date'),
  );
  if (generic) return { value: generic, from: 'the date meta tag' };
  const other =
    timeDate('time[class*="publish" i], article time, main time, header time, time', updated) ??
    timeDate('time', () => false);
  if (other) return other;
  // A relative time ("1 hr 4 mins ago") with the exact time in its title, as the hAtom microformat
  // writes it: <abbr class="published" title="2011-08-25T01:40:40Z">.
  for (const abbr of document.querySelectorAll('abbr[title]')) {
    if (outside(abbr)) continue;
    const date = isoDate(abbr.getAttribute('title') ?? '');
    if (date)
      return {
        value: date,
        from: `the title of the <abbr> element "${clean(abbr.textContent ?? '').slice(0, 60)}"`,
      };
  }
  for (const el of document.querySelectorAll(
    '[class*="date" i], [class*="time" i], [class*="byline" i], [class*="meta" i], [id*="date" i]',
  )) {
    // Search forms offer dates to pick ("10/12/2010" in a <select>): not the story's.
    // An element named for a date ("comments_datetime": the comment count and the date) still counts.
    const ownDate = /date|time/i.test(el.getAttribute('class') ?? '');
    const around = ownDate ? el.parentElement : el;
    if (
      el.closest('nav, footer, aside, form, select') ??
      (around && insideClass(around, ASIDE_WORDS))
    )
      continue;
    const text = clean(el.textContent ?? '');
    if (text.length > 120) continue;
    const found = dateInText(text, lang) ?? numericDate(text, lang);
    if (found) return { value: found.date, from: `the dateline text "${found.text}"` };
  }
  // Last, the date tags some publishing systems write under names of their own. They come after the
  // date the page shows, as they are sometimes the time of a later edit or re-publication.
  for (const key of OTHER_DATE_TAGS) {
    const value = meta.get(key);
    const date = value ? (isoDate(value) ?? dateInText(value, lang)?.date) : undefined;
    if (date) return { value: date, from: `the ${key} meta tag` };
  }
  return undefined;
}

/**
 * Many sites put the day of publication in the article's address
 * ("/2010/08/13/story-name", "/2013-04-22/story"): the last resort, with the
 * precision the address gives.
 */
export function urlDate(url: string | undefined): Found | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  // "/2010/08/13/", "/2013-04-22/", "/2014/05/"; or the year, the section, then month and day
  // ("/2010/POLITICS/08/13/"), where a full month and day are needed to be sure it is a date.
  const match =
    /\/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/-]|\.|$)/.exec(path) ??
    /\/((?:19|20)\d\d)\/[A-Za-z][\w-]*\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])(?=\/)/.exec(path);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return {
    value: [year, month, day].filter(Boolean).join('-'),
    from: 'the date in the page\u2019s address',
  };
}

const OTHER_DATE_TAGS = [
  'publish_date',
  'publication_date',
  'date_published',
  'og:published_time',
  'article:published',
  'originalpublicationdate',
  'original-publish-date',
  'dc.date.created',
  'dcterms.created',
  'dcterms.issued',
  'displaydate',
  'rnews:datepublished',
  'citation_date',
];

/** A <time> the page marks as the time of a later edit: `itemprop="dateModified"`, `class="updated"`. */
function updated(time: Element): boolean {
  return (
    time.getAttribute('itemprop') === 'dateModified' ||
    insideClass(time, /^(updated|modified|maj|actualizado|aktualisiert)$/) !== undefined
  );
}

/** Class words of the parts of a page that carry other stories' dates: related lists and comments. */
const ASIDE_WORDS = /^(related|comments?)$/;

/**
 * The nearest element, from `el` up, whose class or id has one of `words` as a word of its own:
 * "comments", "related-posts", "relatedLinks"; not "commented" (a post's state: it has comments).
 */
function insideClass(el: Element, words: RegExp): Element | undefined {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const names = `${at.getAttribute('class') ?? ''} ${at.getAttribute('id') ?? ''}`
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[\s_-]+/);
    if (names.some((w) => words.test(w))) return at;
  }
  return undefined;
}

/** Half of the headline's words are in the declared title: the same story, worded for another place. */
function sharesWords(headline: string, declared: string): boolean {
  const words = (t: string): string[] =>
    comparable(t)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2);
  const theirs = new Set(words(declared));
  const ours = words(headline);
  return ours.length > 0 && ours.filter((w) => theirs.has(w)).length * 2 >= ours.length;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Case, spacing and typographic quotes aside. */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function absoluteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Meta content is already decoded by the parser; this handles pages that double-encode ("&amp;amp;"). */
function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|quot|#39|apos|lt|gt);/g,
    (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[e] ?? _,
  );
}
