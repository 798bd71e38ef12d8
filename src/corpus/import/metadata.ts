/**
 * A page's metadata: headline, outlet, publication date, author and address,
 * each with where it was found. Structured data the publisher wrote for
 * search engines and social sites (JSON-LD, Open Graph, article: tags) comes
 * first; then the page's visible headline, <time> elements and dateline text.
 */
import { isoDate, dateInText, dottedShortDate, numericDate, datesAgree } from './dates.js';
import { pageLanguage } from './language.js';
import type { Found } from './extracted.js';
import { bylineAuthor, dateOnlyLine } from './furniture.js';
import { headline, TITLE_SEPARATOR } from './headline.js';
import { ASIDE_WORDS, clean, inPageFooter, insideClass, spacedText } from './page-parts.js';
import { parselyPage } from './parsely.js';
import { dateUnderHeadline } from './under-headline.js';

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
  const parsely = parselyPage(meta.get('parsely-page'));
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

  const title = headline(
    document,
    {
      og: meta.get('og:title'),
      jsonLd: typeof article?.['headline'] === 'string' ? article['headline'] : undefined,
      twitter: meta.get('twitter:title'),
      parsely: parsely.title,
      title: document.querySelector('title')?.textContent ?? undefined,
    },
    {
      outlet: outlet?.value,
      host: url ? new URL(url.value).hostname : undefined,
      address: url?.value,
    },
  );
  if (title) found.title = title;

  const author = first([
    ['the JSON-LD author', names(article?.['author'])],
    ['the author meta tag', personName(meta.get('author'))],
    ['article:author', personName(meta.get('article:author'))],
    ['the byline', byline(document)],
  ]);
  if (author) found.author = author;

  const webPage = ld.find((o) => types(o).includes('WebPage'));
  const address = urlDate(url?.value);
  const published =
    publishedDate(
      document,
      meta,
      article,
      webPage,
      parsely.published,
      title?.value,
      address?.value,
    ) ??
    address ??
    titleDate(document, meta);
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
    // Some tools that save or clean pages (Mercury's fixtures, some CMS exports) write a tag's value in a
    // `value` attribute instead of `content`: the same tag, so it is read the same way.
    const content = (el.getAttribute('content') ?? el.getAttribute('value'))?.trim();
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

function publishedDate(
  document: Document,
  meta: Map<string, string>,
  article: Json | undefined,
  webPage: Json | undefined,
  parselyDate: string | undefined,
  headline: string | undefined,
  addressDate: string | undefined,
): Found | undefined {
  const lang = pageLanguage(document);
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
    // A page whose structured data describes no article, only the web page (a plugin's graph of
    // WebSite, WebPage, ImageObject): the page's datePublished is the post's.
    ['the JSON-LD WebPage datePublished', webPage?.['datePublished']],
  ];
  for (const [from, value] of declared) {
    const date = fromValue(value);
    if (!date) continue;
    // A time declared in UTC ("2016-12-20T00:08:44+00:00") falls on the next day for an outlet west of
    // Greenwich that published in its evening: the day its page shows beside the headline is the day
    // it gives its readers.
    const shown =
      typeof value === 'string' && inUtc(value) ? datelineText(document, lang) : undefined;
    if (shown && shown.value !== date && oneDayApart(shown.value, date))
      return { ...shown, from: `${shown.from} (${from} is in UTC)` };
    // A declared date from another year or month than the one in the page's address, where the date the
    // page prints agrees with the address, is a template's default or a copied page's tag: the printed
    // date and the address are two witnesses against one.
    if (addressDate && !datesAgree(date, addressDate)) {
      const printed = datelineText(document, lang);
      if (printed && datesAgree(printed.value, addressDate))
        return { ...printed, from: `${printed.from} (${from} says ${date})` };
    }
    return { value: date, from };
  }
  // The article's own <time>, not one in a menu, a comment, a teaser for another story, or the page footer
  // (an article's or a post's <section>'s own <footer> often carries its date: only the page's counts).
  // An <aside> inside the article is its side column of facts (byline, date), not another story.
  const outside = (t: Element): boolean =>
    Boolean(
      t.closest('nav') ??
      (sideColumn(t) && !t.closest('aside')!.closest('article')) ??
      insideClass(t, ASIDE_WORDS) ??
      inPageFooter(t),
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
  // Microdata's or JSON-LD's dateCreated, when the page marks no datePublished: the day the article
  // was written.
  const createdLd = fromValue(article?.['dateCreated']);
  const created =
    timeDate('[itemprop="dateCreated"]', () => false) ??
    (createdLd ? { value: createdLd, from: 'JSON-LD dateCreated' } : undefined);
  if (created) {
    // A date printed beside the story that is earlier than its dateCreated mark: the mark is when the
    // record was made, as when an archive moves to a new publishing system, not when the story ran.
    const shown = datelineText(document, lang);
    if (shown && shown.value < created.value)
      return { ...shown, from: `${shown.from} (the dateCreated mark is later)` };
    return created;
  }
  const generic = fromValue(
    meta.get('date') ??
      meta.get('pubdate') ??
      meta.get('publishdate') ??
      meta.get('publish-date') ??
      meta.get('article.published') ??
      meta.get('sailthru.date') ??
      meta.get('parsely-pub-date') ??
      parselyDate ??
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
  const dateline =
    datelineText(document, lang) ??
    openingDateline(document, lang) ??
    dateUnderHeadline(document, lang, headline);
  if (dateline) return dateline;
  // Last, the date tags some publishing systems write under names of their own. They come after the
  // date the page shows, as they are sometimes the time of a later edit or re-publication.
  for (const key of OTHER_DATE_TAGS) {
    const value = meta.get(key);
    const date = value ? (isoDate(value) ?? dateInText(value, lang)?.date) : undefined;
    if (date) return { value: date, from: `the ${key} meta tag` };
  }
  // Any other tag whose name says it is the first publication ("article_date_original",
  // "content-publish-date"), never one of a later edit or an expiry.
  for (const [key, value] of meta) {
    if (!FIRST_DATE_TAG.test(key) || LATER_DATE_TAG.test(key)) continue;
    const date = isoDate(value) ?? dateInText(value, lang)?.date;
    if (date) return { value: date, from: `the ${key} meta tag` };
  }
  return undefined;
}

const FIRST_DATE_TAG =
  /date.*(publish|original|creat|issued|posted)|(publish|original|creat|issued|posted).*date/;
const LATER_DATE_TAG = /modif|updat|expir|edit|review/;

/**
 * The date as the page prints it for readers: in an element named for a date (in English, German,
 * Dutch or Spanish: "newsdatum", "fecha"), a time, the byline, the story's meta line or its "submitted"
 * line ("Submitted by … on …", as Drupal sites print it); in a short line labelled "Published", "Posted" or "Updated"; or beside the
 * author's name.
 */
function datelineText(document: Document, lang: string | undefined): Found | undefined {
  const fromText = (text: string): { date: string; text: string } | undefined =>
    dateInText(text, lang) ?? numericDate(text, lang);
  for (const el of document.querySelectorAll(
    '[class*="date" i], [class*="datum" i], [class*="fecha" i], [class*="time" i], [class*="byline" i], [class*="meta" i], [class~="submitted" i], [id*="date" i], [id*="byline" i]',
  )) {
    // Search forms offer dates to pick ("10/12/2010" in a <select>): not the story's.
    // An element named for a date ("comments_datetime": the comment count and the date) still counts.
    const ownDate = /date|time/i.test(el.getAttribute('class') ?? '');
    const around = ownDate ? el.parentElement : el;
    // A date in the site's menu bar ("Montag, 09.12.2019") is the day the page was opened.
    if (
      el.closest('nav, form, select') ??
      (inPageFooter(el) || undefined) ??
      sideColumn(el) ??
      (around && insideClass(around, ASIDE_WORDS)) ??
      (around && insideClass(around, MENU_WORDS))
    )
      continue;
    // A byline holds the author's name, affiliation and the date: longer than a date element. A script
    // inside it (a share button's loader after "January 29th, 2013 in Pop") is not text a reader sees.
    const byline = /byline/i.test(`${el.getAttribute('class') ?? ''} ${el.id}`);
    if ((el.textContent ?? '').length > (byline ? 400 : 240) && !el.querySelector('script, style'))
      continue;
    const text = spacedText(el);
    if (text.length > (byline ? 200 : 120)) continue;
    // "17.7.11" only in an element named for a date: in a meta line it may be a version number.
    const found = fromText(text) ?? (ownDate ? dottedShortDate(text) : undefined);
    if (found) return { value: found.date, from: `the dateline text "${found.text}"` };
  }
  // The article's header (headline, byline, date) holds a line that is only a date, in an element not
  // named for one ("story__info__item": "December 14, 2016").
  for (const header of document.querySelectorAll('article header, header:has(h1)')) {
    if (header.closest('nav, aside, footer') || inComments(header)) continue;
    for (const el of header.querySelectorAll('*')) {
      if (el.children.length > 0 || (el.textContent ?? '').length > 80) continue;
      const date = dateOnlyLine(clean(el.textContent ?? ''));
      if (date)
        return {
          value: date,
          from: `the date line "${clean(el.textContent ?? '')}" under the headline`,
        };
    }
  }
  // "Published in Business December 14, 2016 2:24 pm", "Updated: Dec 15, 2016 2:57 PM UTC": a short
  // line that labels itself as the date, whatever its element is called. Published comes before Updated.
  const labelled: [RegExp, Element][] = [];
  for (const el of document.querySelectorAll('body span, body div, body p, body li, body small')) {
    if (el.children.length > 3 || el.closest('nav, footer, aside, form') || inComments(el))
      continue;
    const text = clean(el.textContent ?? '');
    if (text.length > 80) continue;
    const label = DATE_LABELS.find((l) => l.test(text));
    if (label) labelled.push([label, el]);
  }
  // The same label on a line of its own inside a box of facts ("Quelle<br>VERÖFFENTLICHT AM
  // 07.06.2019<div class="tags">…"): a text between the box's elements, not an element of its own.
  for (const el of document.querySelectorAll('body div, body p, body li, body td')) {
    if (el.closest('nav, footer, aside, form') || inComments(el)) continue;
    for (const node of el.childNodes) {
      if (node.nodeType !== 3) continue;
      const line = clean(node.textContent ?? '');
      const label = line.length <= 80 ? DATE_LABELS.find((l) => l.test(line)) : undefined;
      if (label) labelled.push([label, node as unknown as Element]);
    }
  }
  for (const label of DATE_LABELS)
    for (const [l, el] of labelled) {
      if (l !== label) continue;
      const found = fromText(clean(el.textContent ?? ''));
      if (found) return { value: found.date, from: `the labelled date "${found.text}"` };
    }
  // "Tana Ganeva 22 Dec 2016 at 14:27 ET": the line that holds the author's link gives the date.
  for (const author of document.querySelectorAll('[rel="author"], [class*="author" i]')) {
    const line = author.parentElement;
    if (!line || line.closest('nav, footer, aside, form') || inComments(line)) continue;
    if ((line.textContent ?? '').length > 300) continue;
    const text = spacedText(line);
    if (text.length > 150) continue;
    const found = fromText(text);
    if (found) return { value: found.date, from: `the date beside the author "${found.text}"` };
  }
  return undefined;
}

/**
 * A news story's dateline, which opens its first paragraph: "Feb. 23, 2015 -- Life-threatening peanut
 * allergies ...", "WASHINGTON, March 3, 2014 — The Senate ...". Only the first few paragraphs of the
 * page are read, and only a short opening set off by a dash, so a date in the story's prose is never
 * taken for the day it was published.
 */
function openingDateline(document: Document, lang: string | undefined): Found | undefined {
  let read = 0;
  for (const p of document.querySelectorAll('p')) {
    if (p.closest('nav, footer, aside, form') || inComments(p)) continue;
    const text = clean(p.textContent ?? '');
    if (text.length < 60) continue;
    const opening = /^(.{6,60}?)\s+(?:--|—|–)\s+\S/.exec(text)?.[1];
    const found = opening ? dateInText(opening, lang) : undefined;
    // The opening is the date, or a place and the date ("WASHINGTON, March 3, 2014"), not a sentence.
    const place = found ? opening!.replace(found.text, '').trim() : undefined;
    if (found && (place === '' || DATELINE_PLACE.test(place!)))
      return { value: found.date, from: `the dateline "${opening}" opening the story` };
    if (++read >= 3) return undefined;
  }
  return undefined;
}

/** The place a dateline names before its date: one to three capitalised words, then a comma. */
const DATELINE_PLACE = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2},?$/u;

/** Labels of a printed date, first publication first: a publication date outranks an update. */
const DATE_LABELS = [
  /^(first )?(published|posted|publié|publicado|pubblicato|veröffentlicht)\b/i,
  /^(last )?(updated|modified|mis à jour|actualizado|aggiornato|aktualisiert)\b/i,
];

/**
 * The <aside> an element is in, unless it holds the page's headline: some publishing systems wrap the
 * whole story, headline and all, in an <aside>.
 */
function sideColumn(el: Element): Element | undefined {
  const aside = el.closest('aside');
  return aside && !aside.querySelector('h1') ? aside : undefined;
}

/** Class words of a site's menu bar, which some sites print today's date in. */
const MENU_WORDS = /^(menu|navigation|topnavigation|navbar|topbar)$/;

function inComments(el: Element): boolean {
  return insideClass(el, ASIDE_WORDS) !== undefined;
}

/** An ISO date-time written in UTC ("Z", "+00:00"), whose day may not be the outlet's. */
function inUtc(value: string): boolean {
  return /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]00:?00)\s*$/.test(value.trim());
}

function oneDayApart(a: string, b: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a) || !/^\d{4}-\d{2}-\d{2}$/.test(b)) return false;
  return Math.abs(Date.parse(a) - Date.parse(b)) === 86_400_000;
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

/**
 * "Una solución … - 07.12.2017 - LA NACION": a site that writes the day of publication into the page's
 * title, as a part of its own, and nowhere a program can read it. The last resort, after the address:
 * a part of the <title> or of the title meta tag that is only a date, written out or as
 * day.month.year (dates written with dots are written day first wherever they are written).
 */
function titleDate(document: Document, meta: Map<string, string>): Found | undefined {
  const titles: [string, string | undefined][] = [
    ['the page <title>', document.querySelector('title')?.textContent ?? undefined],
    ['the title meta tag', meta.get('title')],
  ];
  for (const [from, title] of titles) {
    for (const part of (title ?? '').split(TITLE_SEPARATOR).map(clean)) {
      const dotted = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)$/.exec(part);
      const [day, month] = dotted ? [Number(dotted[1]), Number(dotted[2])] : [0, 0];
      const date = dotted
        ? day >= 1 && day <= 31 && month >= 1 && month <= 12
          ? `${dotted[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          : undefined
        : /\d{4}/.test(part)
          ? dateOnlyLine(part)
          : undefined;
      if (date) return { value: date, from: `the date "${part}" in ${from}` };
    }
  }
  return undefined;
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
