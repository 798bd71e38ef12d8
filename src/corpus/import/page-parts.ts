/**
 * What a part of a saved page is, judged from its markup: the helpers the
 * metadata rules (headline, dates, byline) share.
 */
import { pieceHeader } from './piece-header.js';

/**
 * The nearest element, from `el` up, whose class or id has one of `words` as a word of its own:
 * "comments", "related-posts", "relatedLinks"; not "commented" (a post's state: it has comments).
 * <body> and <html> are not looked at: their classes describe the whole page (a publishing system's
 * feature switches, "f_related_module_on"), not the part of it an element sits in. A part `skip`
 * passes over is climbed past.
 */
export function insideClass(
  el: Element,
  words: RegExp,
  skip?: (part: Element) => boolean,
): Element | undefined {
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (at.tagName === 'BODY' || at.tagName === 'HTML') return undefined;
    const names = `${at.getAttribute('class') ?? ''} ${at.getAttribute('id') ?? ''}`
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[\s_-]+/);
    if (names.some((w) => words.test(w)) && !skip?.(at)) return at;
  }
  return undefined;
}

/**
 * Class words of the parts of a page that carry other stories' dates and headlines. A plugin may join
 * "related" to what it lists in one lower-case word ("jp-relatedposts"): the same list.
 */
export const ASIDE_WORDS = /^(related(posts?|stories|articles|links|content)?|comments?)$/;

/**
 * A heading or date that belongs to another story or to the site: one in a menu, a sidebar, a list
 * of related or recommended stories, or the comments. A sidebar is an element named for it
 * ("sidebar", "sidebar-right"), not a wrapper named for the layout it holds ("content-sidebar-wrap",
 * "contentWithSidebar": the article is inside).
 */
export function inTeaser(el: Element): boolean {
  return inStoryList(el) || inSidebar(el);
}

/** In a menu, a list of related or recommended stories, or the comments: never the page's own story. */
export function inStoryList(el: Element): boolean {
  return Boolean(
    el.closest('nav, aside') ??
    insideClass(
      el,
      /^(related(posts?|stories|articles|links|content)?|recommended|recommendations?|comments?)$/,
      pieceHeader,
    ),
  );
}

/**
 * The item of a list of stories an element is in: a list item with a heading of its own that is not
 * the page's <h1> ("<li><h5>Another story</h5><p><time>2019-09-06</time></p></li>"). Its date is
 * that story's.
 */
export function storyCard(el: Element): Element | undefined {
  const item = el.closest('li');
  return item?.querySelector('h2, h3, h4, h5, h6') && !item.querySelector('h1') ? item : undefined;
}

/** In a column named for a sidebar: usually other stories, sometimes the story's own header. */
export function inSidebar(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (at.tagName === 'BODY' || at.tagName === 'HTML') return false;
    const names = `${at.getAttribute('class') ?? ''} ${at.getAttribute('id') ?? ''}`.split(/\s+/);
    if (names.some((n) => /^sidebar/i.test(n))) return true;
  }
  return false;
}

/**
 * Inside the page's own footer (the site's links and copyright), not an article's: a <footer> belongs
 * to its nearest sectioning ancestor, as HTML defines it, so one inside an <article> or a <section>
 * (or <main>) closes that part of the page and may carry the post's date ("12. September 2013" in a
 * blog post's <footer> after its text).
 */
export function inPageFooter(el: Element): boolean {
  const footer = el.closest('footer');
  return Boolean(footer && !footer.parentElement?.closest('article, section, main'));
}

/**
 * Text written for screen readers only, which style sheets move off the screen: a ministry's name as a
 * hidden <h1> above the portal's own, "Thema " before a category label. Class names of the common style
 * frameworks and publishing systems; whole class words only, so "visuallyhidden-focusable" (a skip link
 * that shows when focused) is not one.
 */
const SCREEN_READER_ONLY =
  /^(sr-only|screen-reader-(text|only)|visually-?hidden|u-visually-hidden|is-visually-hidden|element-invisible|aural|offscreen|a11y-hidden|show-for-sr)$/i;

export function screenReaderOnly(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (at.tagName === 'BODY' || at.tagName === 'HTML') return false;
    if ((at.getAttribute('class') ?? '').split(/\s+/).some((c) => SCREEN_READER_ONLY.test(c)))
      return true;
  }
  return false;
}

/**
 * Class words of a label set inside a heading before its words ("<h1><span class="category">Consumer
 * protection</span>More transparency in price changes</h1>"): the story's topic, shown as a line of its
 * own above the headline, not a word of it.
 */
const KICKER = /^(category|kicker|overline|topline|eyebrow|dachzeile|rubric|rubrik)$/;

/**
 * A heading's lines as a reader sees them as the headline (a line break parts two lines): without its
 * screen-reader-only parts and without a topic label that opens it.
 */
export function shownLines(heading: Element): string[] {
  const found: string[] = [''];
  const label = leadingLabel(heading) ?? leadingDate(heading);
  const badge = trailingBadge(heading);
  const visit = (node: Node): void => {
    if (node.nodeType === 3) found[found.length - 1] += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.tagName === 'BR') found.push('');
      else if (SCRIPTS.has(el.tagName) || screenReaderOnly(el)) return;
      else if (el === label || el === badge) return;
      else for (const child of el.childNodes) visit(child);
    }
  };
  for (const child of heading.childNodes) visit(child);
  const shown = found.map(clean).filter((line) => line.length > 0);
  return shown.length > 0 ? shown : lines(heading);
}

/**
 * "<h2><time datetime="2019-06-17">Jun 17 </time>Das vielleicht schönste Ende der Welt: Montauk</h2>": a
 * theme that sets the post's day as a badge at the start of its headline. The <time> is the date, shown
 * beside the headline's words, not one of them: only a <time> that opens the heading, with words after it,
 * and that names a day ("Jun 17", "17.06."), not a year alone ("<time>2019</time> in review").
 */
function leadingDate(heading: Element): Element | undefined {
  const first = heading.firstElementChild;
  if (first?.tagName !== 'TIME' || !/\p{L}|\d\D+\d/u.test(clean(first.textContent ?? '')))
    return undefined;
  for (let node = heading.firstChild; node && node !== first; node = node.nextSibling)
    if (clean(node.textContent ?? '') !== '') return undefined;
  const after = clean(heading.textContent ?? '').slice(clean(first.textContent ?? '').length);
  return /\p{L}/u.test(after) ? first : undefined;
}

/**
 * "<h1>Didier Porte souhaite la Santé à Balkany <span class="label abo">Abonnés</span></h1>": a badge the
 * theme sets after the headline's words (subscribers only, new, video), named for what it is. It is a
 * mark beside the headline, not a word of it: only the heading's last element, a word or two with no
 * text after it, after words of the headline's own.
 */
function trailingBadge(heading: Element): Element | undefined {
  const last = heading.lastElementChild;
  if (!last || insideClass(last, BADGE) !== last) return undefined;
  for (let node = last.nextSibling; node; node = node.nextSibling)
    if (clean(node.textContent ?? '') !== '') return undefined;
  const badge = clean(last.textContent ?? '');
  const before = clean(heading.textContent ?? '').slice(0, -badge.length);
  return badge !== '' && badge.split(' ').length <= 2 && /\p{L}/u.test(before) ? last : undefined;
}

/** Class words of a badge set beside a headline. */
const BADGE = /^(label|badge|pill|flag|sticker)$/;

/** The topic label that opens a heading ("<span class="overline">Linde</span> Gasekonzern …"), if any. */
export function leadingLabel(heading: Element): Element | undefined {
  const first = heading.firstElementChild;
  return first &&
    clean(heading.textContent ?? '').startsWith(clean(first.textContent ?? '')) &&
    insideClass(first, KICKER) === first &&
    first.nextSibling !== null
    ? first
    : undefined;
}

/**
 * An element whose every word is set in the elements `tags` names: a paragraph wholly in bold
 * (`/^(B|STRONG)$/`), as a document written in a word processor sets its headline, or wholly in italics,
 * as it sets a deck under it.
 */
export function setWholly(el: Element, tags: RegExp): boolean {
  return (
    clean(el.textContent ?? '') !== '' && spacedText(el, (inner) => tags.test(inner.tagName)) === ''
  );
}

/** Elements whose text a reader never sees: code and styles. */
const SCRIPTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * An element's text with a space between the texts of its elements: "Tana Ganeva<br>22 Dec 2016" is
 * "Tana Ganeva 22 Dec 2016", where textContent runs the name into the day ("Ganeva22 Dec 2016"). The
 * text of scripts and styles inside it is left out, and that of the elements `leaveOut` names.
 */
export function spacedText(el: Element, leaveOut?: (inner: Element) => boolean): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    else if (
      !SCRIPTS.has((node as Element).tagName) &&
      (node === el || node.nodeType !== 1 || !leaveOut?.(node as Element))
    )
      for (const child of node.childNodes) visit(child);
  };
  visit(el);
  return clean(parts.join(' '));
}

/** An element's lines as a reader sees them: a line break (<br>) parts two words, it does not join them. */
export function lines(el: Element): string[] {
  const found: string[] = [''];
  const visit = (node: Node): void => {
    if (node.nodeType === 3) found[found.length - 1] += node.textContent ?? '';
    else if ((node as Element).tagName === 'BR') found.push('');
    else for (const child of node.childNodes) visit(child);
  };
  visit(el);
  return found.map(clean).filter((line) => line.length > 0);
}

/**
 * Runs of spacing as one space. A lone ideographic space (U+3000) is kept as printed: Japanese and
 * Chinese headlines set their parts apart with it ("減税は24年6月ボーナスのタイミングで", U+3000,
 * "岸田総理が会見で明らかに"), and a half-width space in its place is not the headline the page shows.
 */
export function clean(text: string): string {
  return text.replace(/\s+/g, (run) => (run === '\u3000' ? run : ' ')).trim();
}

/** Case, spacing and typographic quotes aside. */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An element the page marks as the time of a later edit: `itemprop="dateModified"`, or a class word
 * such as "updated" (WordPress themes print `<span class="updated rich-snippet-hidden">` beside the
 * date a reader sees). Its date is not the publication's, unless the element also says it is that
 * and shows it: themes give the publication's date both classes (`<time class="entry-date published
 * updated">`, for the hAtom microformat, which wants an "updated" on every post). A hidden one is
 * still passed over: Wikipedia's infobox hides `<span class="bday dtstart published updated">` with
 * the day a company was founded.
 */
export function markedAsUpdate(el: Element): boolean {
  const names = (el.getAttribute('class') ?? '').toLowerCase().split(/[\s_-]+/);
  if (
    (el.getAttribute('itemprop') === 'datePublished' || names.includes('published')) &&
    shownToReaders(el)
  )
    return false;
  return (
    el.getAttribute('itemprop') === 'dateModified' ||
    insideClass(el, /^(updated|modified|maj|actualizado|aktualisiert)$/) !== undefined
  );
}

/** Class words of elements a page keeps out of sight ("rich-snippet-hidden", "invisible"). */
const HIDDEN_WORDS = /^(hidden|invisible)$/;

/** Not hidden from readers by an attribute, an inline style, a class word or screen-reader styling. */
export function shownToReaders(el: Element): boolean {
  if (screenReaderOnly(el) || insideClass(el, HIDDEN_WORDS)) return false;
  for (let at: Element | null = el; at && at.tagName !== 'BODY'; at = at.parentElement)
    if (at.hasAttribute('hidden') || /display\s*:\s*none/i.test(at.getAttribute('style') ?? ''))
      return false;
  return true;
}

/**
 * A row of a fact box, its fact named in a header cell ("Founded | February 28, 1998" in an
 * encyclopedia's infobox, "Released | …" in a product's), or such a table itself: its dates are the
 * subject's, never the page's date line.
 */
export function inFactBox(el: Element): boolean {
  const row = el.closest('tr') ?? (el.tagName === 'TABLE' ? el.querySelector('tr') : null);
  return Boolean(row?.querySelector('th') && row.querySelector('td'));
}

/** The headings' texts as shown: a heading only screen readers hear is not one a reader sees. */
export function headingTexts(elements: Element[]): string[] {
  return elements
    .filter((h) => !screenReaderOnly(h))
    .map((h) => shownLines(h).join(' '))
    .filter((t) => t.length > 0);
}

/** In a breadcrumb trail ("Home › Section › Page"), whatever element the site builds it of. */
export function inBreadcrumb(el: Element): boolean {
  return el.closest('[class*="breadcrumb" i], [id*="breadcrumb" i]') !== null;
}
