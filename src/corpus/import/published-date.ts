/**
 * A page's publication date, searched for in order, most trustworthy first: the date the publisher
 * declares (JSON-LD, article: tags), the article's marked <time>, generic date tags, any other <time>,
 * the date the page prints (printed-date.ts), other systems' date tags; then the date in the page's
 * address, a date written into its title (address-and-title-date.ts), and last the only date the page
 * shows in an element its class calls an update (shown-edit-date.ts).
 */
import { titleDate, urlDate } from './address-and-title-date.js';
import {
  GENERIC_DATE_TAGS,
  LATE_GENERIC_DATE_TAGS,
  OTHER_DATE_TAGS,
  namesFirstPublication,
} from './date-tags.js';
import { isoDate, dateInText, datesAgree } from './dates.js';
import type { Found } from './extracted.js';
import { issueMonth } from './issue-month.js';
import { pageLanguage } from './language.js';
import {
  ASIDE_WORDS,
  clean,
  inPageFooter,
  insideClass,
  markedAsUpdate,
  storyCard,
} from './page-parts.js';
import { datelineText, openingDateline, sideColumn } from './printed-date.js';
import { shownEditDate } from './shown-edit-date.js';
import type { Json } from './structured-data.js';
import { dateUnderHeadline } from './under-headline.js';
import { localizedByScript } from './localized-time.js';
import { yearlessPrintedDate } from './yearless-date.js';

/** What the page offers to date it by, besides its elements. */
export interface DateSources {
  document: Document;
  /** The page's meta tags, by lower-case name or property. */
  meta: Map<string, string>;
  /** The JSON-LD object that describes the article, and the one that describes the web page. */
  article: Json | undefined;
  webPage: Json | undefined;
  /** The publication date in Parse.ly's own JSON tag. */
  parselyDate: string | undefined;
  /** The title found, to find the date line under it. */
  headline: string | undefined;
  /** The page's address, which many sites write the day into. */
  url: string | undefined;
}

export function publishedDate(sources: DateSources): Found | undefined {
  const address = urlDate(sources.url);
  return (
    dateOnPage(sources, address?.value) ??
    address ??
    titleDate(sources.document, sources.meta) ??
    shownEditDate(sources.document, pageLanguage(sources.document))
  );
}

function dateOnPage(sources: DateSources, addressDate: string | undefined): Found | undefined {
  const { document, meta, article, webPage } = sources;
  const lang = pageLanguage(document);
  const fromValue = (value: unknown): string | undefined =>
    typeof value === 'string' ? (isoDate(value) ?? dateInText(value, lang)?.date) : undefined;
  // The article's own <time>, not one in a menu, a comment, a teaser for another story, or the page footer
  // (an article's or a post's <section>'s own <footer> often carries its date: only the page's counts).
  // An <aside> inside the article is its side column of facts (byline, date), not another story.
  const outside = (t: Element): boolean =>
    Boolean(
      t.closest('nav') ??
      (sideColumn(t, sources.headline) && !t.closest('aside')!.closest('article')) ??
      insideClass(t, ASIDE_WORDS) ??
      storyCard(t) ??
      inPageFooter(t),
    );
  const timeDate = (selector: string, skip: (t: Element) => boolean): Found | undefined => {
    for (const time of document.querySelectorAll(selector)) {
      if (outside(time) || skip(time)) continue;
      const value = time.getAttribute('datetime') ?? time.getAttribute('content') ?? '';
      const words = dateInText(time.textContent ?? '', lang);
      const printed = words?.date;
      const marked = isoDate(value);
      // A datetime in UTC a day off the date the element prints for its readers ("2014-12-18T01:01:00Z"
      // shown as "December 17, 2014 at 08:01PM EST"): the printed day is the outlet's. A datetime days
      // away from a whole date the element prints with its month in words ("<time
      // datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time>") is the time of a later edit the
      // publishing system wrote into it: the words are the date its readers are told. Not a date in
      // figures ("le 05/04/2013"), whose order of day and month a parser may read either way.
      // Words a script rewrote into the saver's time zone are not the outlet's day (localized-time.ts).
      const date =
        marked &&
        printed &&
        !localizedByScript(time) &&
        ((inUtc(value) && oneDayApart(printed, marked)) ||
          (printsOtherDay(printed, marked) && /\p{L}/u.test(words.text)))
          ? printed
          : (marked ?? printed);
      const shown = `the <${time.tagName.toLowerCase()}> element "${clean(time.textContent ?? value).slice(0, 60)}"`;
      if (date)
        return {
          value: date,
          from:
            printed && date !== printed && localizedByScript(time)
              ? `the datetime of ${shown} (its words are in the time zone it was saved in)`
              : shown,
        };
    }
    return undefined;
  };
  // A time written in UTC ("2016-12-20T00:08:44+00:00", "2016-12-20 01:01:00 UTC") falls on the next day
  // for an outlet west of Greenwich that published in its evening, and a bare day stored as midnight UTC
  // may be a day off the one the outlet gave: the day the page prints for its readers, one apart, is
  // the day they were given.
  // The article's own <time> is that day where the page has one ("PUBLISHED: <time>January 16, 2023 at
  // 4:30 p.m.</time>"): a date line printed before it may be the site's top bar with the day the page
  // was saved. Its printed words first, as its datetime may be in UTC too.
  const timeShown = (): Found | undefined => {
    for (const time of document.querySelectorAll('time')) {
      if (outside(time) || markedAsUpdate(time)) continue;
      const attribute = time.getAttribute('datetime') ?? '';
      const date =
        (localizedByScript(time) ? isoDate(attribute) : undefined) ??
        dateInText(time.textContent ?? '', lang)?.date ??
        (inUtc(attribute) ? undefined : isoDate(attribute));
      if (date)
        return {
          value: date,
          from: `the <time> element "${clean(time.textContent ?? '').slice(0, 60)}"`,
        };
    }
    return undefined;
  };
  // A date-time with no zone at all may be a day off too (a newsroom tool's clock); but where the day
  // shown is the day the page was last modified, what it shows is the edit's time, not the first day.
  const modified = [
    article?.['dateModified'],
    meta.get('article:modified_time'),
    meta.get('og:article:modified_time'),
    meta.get('datemodified'),
  ].map((v) => (typeof v === 'string' ? isoDate(v) : undefined));
  const dayShown = (value: unknown, date: string, from: string): Found | undefined => {
    const utc = typeof value === 'string' && inUtc(value);
    const bare = typeof value === 'string' && zoneless(value);
    const shown = utc || bare ? (timeShown() ?? datelineText(document, lang)) : undefined;
    if (!shown || shown.value === date || !oneDayApart(shown.value, date)) return undefined;
    if (bare && modified.includes(shown.value)) return undefined;
    return { ...shown, from: `${shown.from} (${from} ${utc ? 'is in UTC' : 'gives no zone'})` };
  };
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
  // A publication time the page also gives, to the second, as the time it expires ("Sat, 29 Jun 2019
  // 11:05:41 GMT" in both article:published_time and article:expiration_time) is the moment the server
  // answered, written into both tags: the day the page was saved, not the day the story ran.
  const servedAt = meta.get('article:expiration_time')?.trim();
  for (const [from, value] of declared) {
    if (servedAt && typeof value === 'string' && value.trim() === servedAt) continue;
    const date = fromValue(value);
    if (!date) continue;
    const shown = dayShown(value, date, from);
    if (shown) return shown;
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
  const genericValue =
    firstTag(meta, GENERIC_DATE_TAGS) ??
    sources.parselyDate ??
    firstTag(meta, LATE_GENERIC_DATE_TAGS);
  const generic = fromValue(genericValue);
  if (generic)
    return (
      dayShown(genericValue, generic, 'the date meta tag') ??
      finerPrintedDate(document, lang, generic) ??
      issueMonth(document, lang, generic) ?? {
        value: generic,
        from: 'the date meta tag',
      }
    );
  const other =
    timeDate(
      'time[class*="publish" i], article time, main time, header time, time',
      markedAsUpdate,
    ) ?? timeDate('time', () => false);
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
    dateUnderHeadline(document, lang, sources.headline);
  if (dateline) return dateline;
  // Last, the date tags some publishing systems write under names of their own. They come after the
  // date the page shows, as they are sometimes the time of a later edit or re-publication.
  for (const key of OTHER_DATE_TAGS) {
    const value = meta.get(key);
    const date = value ? (isoDate(value) ?? dateInText(value, lang)?.date) : undefined;
    if (date) return { value: date, from: `the ${key} meta tag` };
  }
  // Any other tag whose name says it is the first publication.
  for (const [key, value] of meta) {
    if (!namesFirstPublication(key)) continue;
    const date = isoDate(value) ?? dateInText(value, lang)?.date;
    if (date) return { value: date, from: `the ${key} meta tag` };
  }
  return yearlessPrintedDate(document);
}

/**
 * A date tag that gives only the year or the month ("2020", as a paper's citation tags often do) on a
 * page that prints a whole day within it ("Published in Animals 1 December 2020"): the same publication,
 * told to the day. A printed day outside that year or month is another event (a review, an edition).
 */
function finerPrintedDate(
  document: Document,
  lang: string | undefined,
  tagDate: string,
): Found | undefined {
  if (tagDate.length >= 10) return undefined;
  const printed = datelineText(document, lang);
  return printed && printed.value.length > tagDate.length && datesAgree(printed.value, tagDate)
    ? { ...printed, from: `${printed.from} (the date meta tag says only ${tagDate})` }
    : undefined;
}

function firstTag(meta: Map<string, string>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = meta.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * A date-time written in UTC, whose day may not be the outlet's: ISO's "Z" or "+00:00", or the zone as a
 * word after a space ("2014-12-18 01:01:00 UTC", as some publishing systems write their tags).
 */
function inUtc(value: string): boolean {
  return /[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]00:?00|UTC|GMT)\s*$/i.test(value.trim());
}

/**
 * A date-time written with no zone at all ("2022-05-10T11:40:12"): its day may be the server's or a
 * newsroom tool's, not the outlet's, as much as one in UTC.
 */
function zoneless(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim());
}

/** Two whole days, a <time>'s printed one and its datetime's, that are not the same day. */
function printsOtherDay(printed: string, marked: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(printed) && /^\d{4}-\d{2}-\d{2}$/.test(marked) && printed !== marked
  );
}

function oneDayApart(a: string, b: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a) || !/^\d{4}-\d{2}-\d{2}$/.test(b)) return false;
  return Math.abs(Date.parse(a) - Date.parse(b)) === 86_400_000;
}
