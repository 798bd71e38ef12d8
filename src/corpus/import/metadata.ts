/**
 * A page's metadata: headline, outlet, publication date, author and address,
 * each with where it was found. Structured data the publisher wrote for
 * search engines and social sites (JSON-LD, Open Graph, article: tags) comes
 * first; then the page's visible headline, <time> elements and dateline text.
 */
import { declaredText } from './declared-text.js';
import type { Found } from './extracted.js';
import { dateInText } from './dates.js';
import { bylineAuthor } from './furniture.js';
import { headline } from './headline.js';
import { openingDay, withoutOpeningDay } from './day-first-title.js';
import { insideClass } from './page-parts.js';
import { parselyPage } from './parsely.js';
import { publishedDate } from './published-date.js';
import { sharedAddress } from './shared-address.js';
import { jsonLd, metaTags, name, types } from './structured-data.js';

export interface PageMetadata {
  title?: Found;
  outlet?: Found;
  published?: Found;
  author?: Found;
  url?: Found;
}

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
    ['the address its share buttons share', sharedAddress(document)],
  ]);
  if (url) found.url = url;

  const title = headline(
    document,
    {
      og: meta.get('og:title'),
      jsonLd:
        typeof article?.['headline'] === 'string' ? declaredText(article['headline']) : undefined,
      twitter: meta.get('twitter:title'),
      parsely: parsely.title && declaredText(parsely.title),
      title: declaredText(document.querySelector('title')?.textContent ?? ''),
    },
    {
      outlet: outlet?.value,
      host: url ? new URL(url.value).hostname : undefined,
      address: url?.value,
    },
  );
  // ">>> 2020-11-28 the verboten band": a heading that opens with the post's day in figures. The day
  // is not part of the title; it dates the post where the page gives no other date.
  const titleDay = title ? openingDay(title.value) : undefined;
  if (title)
    found.title = titleDay
      ? { value: withoutOpeningDay(title.value), from: `${title.from}, less the day it opens with` }
      : title;

  // A company's name in the author tags ("Frankfurter Allgemeine Zeitung GmbH", "mediagene Inc.") is the
  // publisher's, set by its publishing system on every page: the writer the byline names comes first.
  const tagged: [string, string | undefined][] = [
    ['the JSON-LD author', names(article?.['author'])],
    ['the author meta tag', personName(meta.get('author'))],
    ['article:author', personName(meta.get('article:author'))],
  ];
  const author = first([
    ...tagged.filter(([, v]) => !v || !COMPANY.test(v.trim())),
    ['the byline', byline(document)],
    ...tagged.filter(([, v]) => v && COMPANY.test(v.trim())),
  ]);
  if (author) found.author = author;

  const webPage = ld.find((o) => types(o).includes('WebPage'));
  const published = publishedDate({
    document,
    meta,
    article,
    webPage,
    parselyDate: parsely.published,
    headline: found.title?.value,
    url: url?.value,
  });
  if (published) found.published = published;
  else if (titleDay) found.published = { value: titleDay, from: 'the day the headline opens with' };
  return found;
}

function first(candidates: [string, string | undefined][]): Found | undefined {
  for (const [from, value] of candidates) {
    const clean = value?.replace(/\s+/g, ' ').trim();
    if (clean) return { value: clean, from };
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

/** The legal form that ends a company's name: "… GmbH", "… Inc.", "… Ltd", "… S.A.". */
const COMPANY =
  /[\s,](GmbH|AG|SE|KG|Inc\.?|Ltd\.?|Limited|LLC|L\.L\.C\.|plc|PLC|Corp\.?|Corporation|S\.A\.?|S\.p\.A\.|SARL|B\.V\.|N\.V\.|Oy|AB|A\/S|K\.K\.)$/;

/** The word for "by" that opens a byline in German, French, Spanish and Portuguese, Dutch, Swedish and Danish. */
const BY_WORD = /^(von|par|por|door|av|af)\s+(?=\p{Lu})/iu;

function byline(document: Document): string | undefined {
  for (const el of document.querySelectorAll(
    '[rel="author"], [itemprop="author"], [class*="byline" i], [class*="author" i], [class*="autor" i]',
  )) {
    if (
      el.closest('nav, aside') ??
      insideClass(el, /^(related|comments?|recommended|recommendations?)$/)
    )
      continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    // "06.03.2017, von Constanze Kurz": a byline in another language, perhaps after the story's date.
    const opening = dateInText(text)?.text;
    const line = (opening && text.startsWith(opening) ? text.slice(opening.length) : text).replace(
      /^[\s,|·–—-]+/,
      '',
    );
    // "Por <a href="/autor/juan-gaona/">Juan Gaona</a> <a>Seguir</a>": where the byline links to the
    // writer's page, the link is the name, not the buttons printed after it.
    const linked = BY_WORD.test(line) ? writerLink(el) : undefined;
    const author =
      linked ??
      bylineAuthor(line.replace(BY_WORD, 'By ')) ??
      (el.getAttribute('rel') === 'author' && text.split(' ').length <= 5 ? text : undefined);
    if (author) return author;
  }
  return undefined;
}

/** The name in a link to the writer's own page inside a byline: a few words, not a sentence. */
function writerLink(byline: Element): string | undefined {
  const link = byline.querySelector(
    'a[rel~="author"], a[href*="/author" i], a[href*="/autor" i], a[href*="/auteur" i]',
  );
  const name = (link?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return name && name.split(' ').length <= 5 ? name : undefined;
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
