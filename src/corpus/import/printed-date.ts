/**
 * The date a page prints for its readers, where no markup names it: a dateline element, a line under the
 * headline, a labelled "Published" line, the line beside the author's name, or the dateline opening the
 * story's first paragraph.
 */
import { dateInText } from './dates.js';
import {
  bylineDottedDate,
  bylineNumericDate,
  dottedShortDate,
  numericDate,
} from './short-dates.js';
import type { Found } from './extracted.js';
import { pieceHeader } from './piece-header.js';
import { dateOnlyLine, wordCount } from './furniture.js';
import {
  ASIDE_WORDS,
  clean,
  comparable,
  inPageFooter,
  insideClass,
  inSidebar,
  markedAsUpdate,
  setWholly,
  spacedText,
} from './page-parts.js';

/**
 * The date as the page prints it for readers: in an element named for a date (in English, German,
 * Dutch or Spanish: "newsdatum", "fecha"), a time, the byline, the story's meta line or its "submitted"
 * line ("Submitted by … on …", as Drupal sites print it); in a short line labelled "Published", "Posted" or "Updated"; or beside the
 * author's name.
 */
export function datelineText(document: Document, lang: string | undefined): Found | undefined {
  const fromText = (text: string): { date: string; text: string } | undefined =>
    dateInText(text, lang) ?? numericDate(text, lang);
  for (const el of document.querySelectorAll(
    '[class*="date" i], [class*="datum" i], [class*="fecha" i], [class*="time" i], [class*="byline" i], [class*="meta" i], [class~="submitted" i], [id*="date" i], [id*="byline" i]',
  )) {
    // Search forms offer dates to pick ("10/12/2010" in a <select>): not the story's.
    // An element named for a date ("comments_datetime": the comment count and the date) still counts.
    const ownDate = /date|time/i.test(el.getAttribute('class') ?? '');
    const around = ownDate ? el.parentElement : el;
    // The time of a later edit, also where it stands in the meta line beside the date shown.
    if (markedAsUpdate(el)) continue;
    // The date a site's header prints as today's ("<span class="today--date">") is the day the page
    // was opened or saved, not the day the story ran.
    if (namesToday(el)) continue;
    // A date in the site's menu bar ("Montag, 09.12.2019") is the day the page was opened.
    if (
      el.closest('nav, form, select') ??
      (inPageFooter(el) || undefined) ??
      sideColumn(el) ??
      (around && insideClass(around, ASIDE_WORDS, pieceHeader)) ??
      (around && insideClass(around, MENU_WORDS))
    )
      continue;
    // A byline holds the author's name, affiliation and the date: longer than a date element. A script
    // inside it (a share button's loader after "January 29th, 2013 in Pop") is not text a reader sees.
    const byline = /byline/i.test(`${el.getAttribute('class') ?? ''} ${el.id}`);
    if ((el.textContent ?? '').length > (byline ? 400 : 240) && !el.querySelector('script, style'))
      continue;
    const text = spacedText(el, markedAsUpdate);
    if (text.length > (byline ? 200 : 120)) continue;
    // "17.7.11" alone only in an element named for a date: in a meta line it may be a version number;
    // there it counts where it closes the line beside the author ("Von: Björn Jahner | 31.10.23").
    const found =
      fromText(text) ??
      (ownDate ? dottedShortDate(text) : undefined) ??
      (ownDate || byline ? bylineNumericDate(text, lang) : undefined) ??
      bylineDottedDate(text);
    if (found) return { value: found.date, from: `the dateline text "${found.text}"` };
  }
  // The article's header (headline, byline, date) holds a line that is only a date, in an element not
  // named for one ("story__info__item": "December 14, 2016").
  for (const header of document.querySelectorAll('article header, header:has(h1)')) {
    if (header.closest('nav, aside, footer') || inComments(header)) continue;
    for (const el of header.querySelectorAll('*')) {
      if (el.children.length > 0 || (el.textContent ?? '').length > 80) continue;
      // "02.12.19" alone beside the headline: a short dotted date, which in the story's own header is
      // its day, not a version number.
      const date =
        dateOnlyLine(clean(el.textContent ?? '')) ?? dottedShortDate(el.textContent ?? '')?.date;
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
  for (const el of document.querySelectorAll(
    'body span, body div, body p, body li, body small, body font',
  )) {
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
      const line = clean(el.textContent ?? '');
      const found = fromText(line);
      if (!found) continue;
      // A page that prints only when it was last updated: that day is the nearest the page gives, and the
      // teacher is told it may be later than the first publication.
      if (label === UPDATE_LABEL)
        return {
          value: found.date,
          from: `the line "${line}", the day it was last updated (the page prints no first publication date: check it)`,
        };
      return { value: found.date, from: `the labelled date "${found.text}"` };
    }
  // "Tana Ganeva 22 Dec 2016 at 14:27 ET": the line that holds the author's link gives the date. Some
  // sites name the whole line for the author ("<div class="author">Written by <a>Michael Larabel</a> in
  // Valve on 1 June 2019 at 08:34 PM EDT.</div>", right under a headline that is no heading element):
  // that element is the line, read before the one around it, which is then the whole article.
  // Where the whole post is named for its author ("post-author-abbadon") the element around it also
  // holds the readers' comments below the post: a comment's time is not the post's date, so the
  // comments and related stories inside the line are not read.
  // An <aside> inside the story's <article> is its column of facts (a mobile layout sets the byline
  // and the date there, under the header): its author's line dates the story. One outside the article
  // is a side column of other stories.
  for (const author of document.querySelectorAll('[rel="author"], [class*="author" i]')) {
    for (const line of [author, author.parentElement]) {
      if (!line || line.closest('nav, footer, form') || inComments(line)) continue;
      if (line.closest('aside') && !factColumn(line)) continue;
      if ((line.textContent ?? '').length > 300) continue;
      const text = spacedText(line, inComments);
      if (text.length > 150) continue;
      // "von Klaus Beispiel, 8.5.12": a short dotted date that closes the author's line after a comma,
      // as it closes a line named for the byline.
      const found = fromText(text) ?? bylineDottedDate(text);
      if (found) return { value: found.date, from: `the date beside the author "${found.text}"` };
    }
  }
  return undefined;
}

/**
 * A news story's dateline, which opens its first paragraph: "Feb. 23, 2015 -- Life-threatening peanut
 * allergies ...", "WASHINGTON, March 3, 2014 — The Senate ...". Only the first few paragraphs of the
 * page are read, and only a short opening set off by a dash, so a date in the story's prose is never
 * taken for the day it was published.
 */
export function openingDateline(document: Document, lang: string | undefined): Found | undefined {
  let read = 0;
  for (const p of document.querySelectorAll('p')) {
    if (p.closest('nav, footer, aside, form') || inComments(p)) continue;
    const text = clean(p.textContent ?? '');
    if (text.length < 60) continue;
    const bracketed = bracketedOpening(text, lang);
    if (bracketed) return bracketed;
    const opening = /^(.{6,60}?)\s+(?:--|—|–)\s+\S/.exec(text)?.[1];
    const found = opening ? dateInText(opening, lang) : undefined;
    // The opening is the date, or a place and the date ("WASHINGTON, March 3, 2014"), not a sentence.
    const place = found ? opening!.replace(found.text, '').trim() : undefined;
    if (found && (place === '' || DATELINE_PLACE.test(place!)))
      return { value: found.date, from: `the dateline "${opening}" opening the story` };
    // A headline or a deck set as a paragraph, wholly in bold or italics, as a word processor sets
    // them above a press release, is read but not counted among the story's first paragraphs.
    if (!setWholly(p, /^(B|STRONG|I|EM)$/) && ++read >= 3) return undefined;
  }
  return undefined;
}

/**
 * "(18.01.2018) Deutschlands Landwirte zittern …": a story's first paragraph that opens with its day in
 * brackets, as some sites print the date at the head of the lead. Only a bracket that holds the date
 * and nothing else, so "(2017) was a year …" or "(ASP) …" is never taken for it.
 */
function bracketedOpening(text: string, lang: string | undefined): Found | undefined {
  const inside = /^\(([^()]{6,30})\)\s+\S/.exec(text)?.[1];
  const date = inside ? dateOnlyLine(clean(inside), lang) : undefined;
  return date && date.length === 10
    ? { value: date, from: `the date "(${clean(inside!)})" opening the story` }
    : undefined;
}

/** The place a dateline names before its date: one to three capitalised words, then a comma. */
const DATELINE_PLACE = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2},?$/u;

/**
 * Labels of a printed date, first publication first: a publication date outranks an update. Chinese
 * pages label theirs "发布日期：" or "发布时间：" (published), "更新时间：" (updated).
 */
const UPDATE_LABEL =
  /^(last )?(updated|modified|mis à jour|actualizado|aggiornato|aktualisiert)\b|^(最后|最後)?(更新|修改)(日期|时间|時間|于|於)/i;
const DATE_LABELS = [
  /^(first )?(published|posted|publié|publicado|pubblicato|veröffentlicht)\b|^(发布|發布|发表|發表)(日期|时间|時間|于|於)/i,
  UPDATE_LABEL,
];

/**
 * The <aside> an element is in, unless it holds the page's headline: some publishing systems wrap the
 * whole story, headline and all, in an <aside>.
 */
export function sideColumn(el: Element, headline?: string): Element | undefined {
  const aside = el.closest('aside');
  // An <aside> right after an <h1> ("<h1>Notes on …</h1><aside id="meta-top"><span id="date">Dec 31,
  // 2020</span> <span>27 minute read</span></aside>") is the headline's line of facts, not a column.
  return aside &&
    !aside.querySelector('h1') &&
    !printsHeadline(aside, headline) &&
    aside.previousElementSibling?.tagName !== 'H1'
    ? aside
    : undefined;
}

/**
 * A video page sets the story's title, byline and date in a panel beside the player, an <aside> with no
 * heading ("<aside><a class="title">Show and Tell: …</a><span>By Norman Chan <time>on May 21, 2020</time>
 * </span></aside>"): where the side column prints the page's headline as an element of its own, not as
 * an item of a list of stories, it is the story's header, and its date is the story's.
 */
function printsHeadline(aside: Element, headline: string | undefined): boolean {
  if (headline === undefined || wordCount(headline) < 3) return false;
  const wanted = comparable(headline);
  return [...aside.querySelectorAll('*')].some(
    (el) =>
      el.childElementCount === 0 &&
      !el.closest('li') &&
      comparable(el.textContent ?? '') === wanted,
  );
}

/** In an <aside> inside the article, not one classed as a sidebar: the story's own column of facts. */
function factColumn(el: Element): boolean {
  return el.closest('aside')!.closest('article') !== null && !inSidebar(el);
}

/** An element whose own class or id calls it today's date ("today--date", "todayDate"). */
function namesToday(el: Element): boolean {
  return `${el.getAttribute('class') ?? ''} ${el.id}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .includes('today');
}

/**
 * Class words of a site's menu bar, which some sites print today's date in, and of the element a site
 * names for today's date ("today-info", "todays-date"): the day the page was opened, not the story's.
 */
const MENU_WORDS = /^(menu|navigation|topnavigation|navbar|topbar|today|todays)$/;

function inComments(el: Element): boolean {
  return insideClass(el, ASIDE_WORDS) !== undefined;
}
