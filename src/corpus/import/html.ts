/**
 * A saved or fetched HTML page. Mozilla's Readability (the engine of
 * Firefox's Reader View) finds the article in the page; linkedom gives it a
 * DOM on the server. linkedom only builds a tree: it has no script engine
 * and never loads images, stylesheets or frames, so a page cannot run code
 * or reach the network while it is imported. Then our own rules, for what
 * teaching needs: paragraphs exactly as the page splits them; captions,
 * credits, pull quotes, bylines, share, "Read more" and subscribe lines
 * removed or flagged by the page's own markup and by their wording.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { HandoutError } from '../../errors.js';
import { describe, htmlBlocks, type HtmlBlock } from './blocks.js';
import type { Extracted, ImportNote } from './extracted.js';
import {
  bylineAuthor,
  dateline,
  dateOnlyLine,
  furniture,
  looksLikeProse,
  type Verdict,
  wordCount,
} from './furniture.js';
import { dateInText } from './dates.js';
import { removeInvisible } from './invisible.js';
import { pageLanguage } from './language.js';
import { pageMetadata } from './metadata.js';
import { inFactBox, markedAsUpdate, spacedText } from './page-parts.js';

export function extractHtml(html: string, options: { url?: string; file: string }): Extracted {
  const { document } = parseHTML(html) as unknown as { document: Document };
  // linkedom ends a text node at every character reference: "AT&amp;T", or a Japanese headline a page
  // writes as "&#x30E1;&#x30C7;…" (as some tools save pages), is parsed as many texts where a reader
  // sees one, and the rules that read an element's texts with a space between them ("Tana
  // Ganeva<br>22 Dec 2016") would space its letters out and miss the date in it. One text per run.
  document.documentElement?.normalize();
  removeInvisible(document, html);
  const metadata = pageMetadata(document, html, options.url);
  // Readability rewrites the document it reads: keep the page as it was, to report what was left out.
  const page = document.body ? (document.body.cloneNode(true) as Element) : undefined;
  let article: ReturnType<Readability<Element>['parse']>;
  try {
    article = new Readability<Element>(document, {
      keepClasses: true,
      serializer: (node) => node as Element,
    }).parse();
  } catch (cause) {
    throw new HandoutError(
      `${options.file}: handout could not make sense of this page's structure; open it in a browser, select the article text, and import it as pasted text (.txt) instead`,
      { code: 'import-unreadable-page', cause },
    );
  }
  const removed: ImportNote[] = [];
  const unsure: ImportNote[] = [];
  if (!article?.content) return { paragraphs: [], removed, unsure, ...metadata, outletHints: [] };

  const blocks = htmlBlocks(article.content);
  const extracted: Extracted = { paragraphs: [], removed, unsure, ...metadata, outletHints: [] };
  const note = (block: HtmlBlock, reason: string): ImportNote => ({
    element: describe(block.element),
    text: block.text,
    reason,
  });
  let footer: Verdict | undefined;
  const keptBlocks: HtmlBlock[] = [];
  const texts = blocks.map((b) => comparable(b.text));
  const captions = imageTexts(article.content);
  const siteNames = [metadata.outlet?.value, hostName(metadata.url?.value ?? options.url)]
    .map((n) => (n === undefined ? '' : siteKey(n)))
    .filter((n) => n.length >= 3);
  const lang = pageLanguage(document);
  const layout = proseHolders(blocks);
  const headlineAt = blocks.findIndex(
    (b, i) =>
      i < 3 &&
      extracted.title !== undefined &&
      comparable(b.text) === comparable(extracted.title.value),
  );
  for (const [i, block] of blocks.entries()) {
    const verdict =
      firmest(markupVerdict(block, article.content, layout), furniture(block.text)) ??
      pullQuote(texts, i) ??
      linkOnly(block) ??
      imageCaption(block, captions) ??
      siteName(block, siteNames) ??
      (keptBlocks.some((b) => looksLikeProse(b.text)) ? undefined : topDateLine(block, lang));
    if (footer && (block.linkShare > 0.5 || !looksLikeProse(block.text))) {
      removed.push(note(block, footer.reason));
      continue;
    }
    footer = undefined;
    if (!verdict) {
      if (
        i === headlineAt ||
        (extracted.title !== undefined &&
          !keptBlocks.some((b) => looksLikeProse(b.text)) &&
          comparable(block.text) === comparable(extracted.title.value))
      ) {
        removed.push(note(block, 'headline (the title)'));
        continue;
      }
      // A section name or kicker set above the headline ("Executive Branch", "World").
      if (
        block.text.split(' ').length <= 6 &&
        (i < headlineAt ||
          (!keptBlocks.some((b) => looksLikeProse(b.text)) && kicker(block.element)))
      ) {
        removed.push(note(block, 'section name above the headline'));
        continue;
      }
      // A deck: a heading that is a sentence, set above the first paragraph (a subheading is short and
      // comes between paragraphs).
      if (
        /^h[2-6]$/i.test(block.element.tagName) &&
        block.text.split(' ').length >= 8 &&
        !keptBlocks.some((b) => looksLikeProse(b.text))
      ) {
        removed.push(note(block, 'standfirst above the article text'));
        continue;
      }
      keptBlocks.push(block);
      continue;
    }
    if (verdict.action === 'unsure') {
      unsure.push(note(block, verdict.reason));
      keptBlocks.push(block);
      continue;
    }
    if (verdict.action === 'footer') footer = verdict;
    const author = bylineAuthor(block.text);
    const shown = withoutLaterEdit(block);
    const date =
      dateOnlyLine(shown) ??
      (verdict === TOP_DATE_LINE ? dateInText(shown, lang)?.date : undefined);
    // A byline inside the article names its writer better than a guess from the page's class names.
    if (author && (!extracted.author || extracted.author.from === 'the byline')) {
      extracted.author = { value: author, from: `the byline ${describe(block.element)}` };
      removed.push(note(block, 'byline (used as the author)'));
    } else if (date && !extracted.published) {
      extracted.published = { value: date, from: `the date line ${describe(block.element)}` };
      removed.push(note(block, 'date line (used as the publication date)'));
    } else removed.push(note(block, verdict.reason));
  }
  trimEdges(extracted, keptBlocks, removed);
  if (page) extracted.removed = leftOut(page, extracted, removed);
  const place =
    extracted.paragraphs[0] === undefined ? undefined : dateline(extracted.paragraphs[0]);
  if (place) extracted.dateline = { value: place, from: 'the first paragraph' };
  return extracted;
}

/**
 * The edges of what Readability kept often carry page furniture that is not
 * marked up as such: above the first paragraph of prose, a section name or a
 * standfirst without a full stop; after the last paragraph of the element
 * that holds most of the article, the site's own footer (disclaimers,
 * licence notes). Both are removed and reported.
 */
function trimEdges(extracted: Extracted, kept: HtmlBlock[], removed: ImportNote[]): void {
  const note = (block: HtmlBlock, reason: string): ImportNote => ({
    element: describe(block.element),
    text: block.text,
    reason,
  });
  // The article opens with a paragraph or a subheading; a table row above it (a box of facts beside the
  // lead) does not open it, however long its text.
  let start = 0;
  while (
    start < kept.length &&
    (!looksLikeProse(kept[start]!.text) || /^(tr|td|th)$/i.test(kept[start]!.element.tagName)) &&
    !/^h[2-6]$/i.test(kept[start]!.element.tagName)
  )
    start++;
  if (start === kept.length) start = 0;
  const holder = new Map<Element | null, number>();
  for (const block of kept)
    holder.set(
      block.element.parentElement,
      (holder.get(block.element.parentElement) ?? 0) + block.text.length,
    );
  let main = [...holder.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // A long table (an episode list) can hold more text than any run of paragraphs; it is part of the
  // article, which is the element around it.
  while (main && /^(table|thead|tbody|tfoot|tr)$/i.test(main.tagName)) main = main.parentElement;
  // The sections of one <article> (a review's body, then its wrap-up) are all the article's: the end is
  // the end of the <article> around the main run of paragraphs, when the page marks one.
  const article = main?.closest('article');
  if (article) main = article;
  let end = kept.length;
  const inMain = (block: HtmlBlock): boolean => Boolean(main && main.contains(block.element));
  const lastInMain = kept.findLastIndex(inMain);
  if (main && lastInMain >= 0) end = lastInMain + 1;
  for (const block of kept.slice(0, start))
    removed.push(note(block, 'header above the article text (section name or standfirst)'));
  for (const block of kept.slice(end))
    removed.push(note(block, 'page footer after the article text'));
  extracted.paragraphs = kept.slice(start, end).map((b) => b.text);
}

const MARKUP: { tokens: RegExp; verdict: Verdict; evenAroundMostProse?: boolean }[] = [
  {
    tokens: /^(caption|captions|figcaption|credit|credits|photocredit|copyright)$/,
    verdict: { action: 'remove', reason: 'photo caption or credit' },
  },
  {
    // The summary set under the headline, in the names sites give it (English, French "chapo", Spanish
    // "entradilla"), also run into another word ("articleabstract"). A lead paragraph ("lede", "intro")
    // is the article's own; Spanish "sumario" is left out, as it names pull quotes as often.
    tokens:
      /^([a-z]*abstract|[a-z]*standfirst|dek|deck|strapline|subtitle|subheadline|summary|excerpt|chapo|chapeau|entradilla)$/,
    verdict: { action: 'remove', reason: 'standfirst (the summary under the headline)' },
  },
  {
    tokens: /^(byline|bylines|author|authors|dateline|timestamp|published|pubdate|date)$/,
    verdict: { action: 'remove', reason: 'byline or date line' },
  },
  {
    tokens: /^(postmetadata|metadata|bio|authorbio|postinfo|entrymeta)$/,
    verdict: { action: 'remove', reason: 'post information (author note, categories)' },
  },
  {
    tokens: /^(share|sharing|social|sharebar|sharetools)$/,
    verdict: { action: 'remove', reason: 'sharing buttons' },
  },
  {
    tokens: /^(related|recommended|recirc|readmore|outbrain|taboola|morestories)$/,
    verdict: { action: 'remove', reason: 'related-news list' },
  },
  {
    tokens: /^(newsletter|subscribe|subscription|signup|promo|paywall|membership)$/,
    verdict: { action: 'remove', reason: 'subscription or promotion box' },
  },
  {
    tokens: /^(ad|ads|advert|advertisement|sponsor|sponsored|dfp)$/,
    verdict: { action: 'remove', reason: 'advertisement' },
  },
  { tokens: /^(pullquote|pullquotes|pull)$/, verdict: { action: 'remove', reason: 'pull quote' } },
  {
    tokens: /^(tags|topics|keywords|breadcrumb|breadcrumbs)$/,
    verdict: { action: 'remove', reason: 'topic tags' },
  },
  {
    tokens: /^(comment|comments)$/,
    verdict: { action: 'remove', reason: 'comments' },
    // Readers' comments are prose too, and a long thread can outweigh the article: their label holds
    // whatever share of the text they have.
    evenAroundMostProse: true,
  },
  { tokens: /^(toc)$/, verdict: { action: 'remove', reason: 'table of contents' } },
  {
    tokens: /^(tweet|twitter|instagram|tiktok)$/,
    verdict: {
      action: 'unsure',
      reason: 'an embedded social-media post; kept as article text, delete it if it is not',
    },
  },
];

/**
 * Judged by the page's own markup: the element, or one around it inside the article, says what it is.
 * A class word on an element that holds most of the article's prose names the page's layout, not its
 * content: `<div class="ad-wallpaper">` around a whole story is the frame of a full-page advert, and
 * `<div class="post has-sidebar-ad">` a column beside one. Such an element is never dropped for its class.
 */
function markupVerdict(
  block: HtmlBlock,
  root: Element,
  layout: ReadonlySet<Element>,
): Verdict | undefined {
  for (let el: Element | null = block.element; el && el !== root; el = el.parentElement) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'figcaption') return MARKUP[0]!.verdict;
    if (hidden(el) && !layout.has(el))
      return {
        action: 'remove',
        reason: 'hidden on the page (a dialog or panel a script may open)',
      };
    if (tag === 'aside' && !layout.has(el))
      return { action: 'remove', reason: 'aside box (pull quote or sidebar)' };
    const rule = markupRule(el);
    if (rule && (rule.evenAroundMostProse || !layout.has(el))) return rule.verdict;
  }
  if (block.element.tagName.toLowerCase() === 'tr' && headerRow(block.element))
    return { action: 'remove', reason: 'table header row (column names)' };
  // <p><span class="photoCredit">Courtesy G4</span></p>: the one element that holds all the text says what it is.
  for (let el = soleChild(block.element); el; el = soleChild(el)) {
    const rule = markupRule(el);
    if (rule && (rule.evenAroundMostProse || !layout.has(el))) return rule.verdict;
  }
  return undefined;
}

/**
 * An element the page does not show: the `hidden` attribute, an inline `display: none`, or one of the
 * class names style sheets use for it (`display-none`, `is-hidden`; not `overflow-hidden`, which shows).
 */
function hidden(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    /display\s*:\s*none/i.test(el.getAttribute('style') ?? '') ||
    (el.getAttribute('class') ?? '')
      .split(/\s+/)
      .some((c) => /^(hidden|hide|is-hidden|display-none|d-none|u-hidden|js-hidden)$/i.test(c))
  );
}

/**
 * The elements that hold more than half of the prose among `blocks` (paragraphs that read as sentences
 * and are not mostly links): the article's own frame, whatever its class says.
 */
function proseHolders(blocks: HtmlBlock[]): Set<Element> {
  const prose = blocks.filter((b) => b.linkShare < 0.5 && looksLikeProse(b.text));
  const total = prose.reduce((sum, b) => sum + b.text.length, 0);
  const held = new Map<Element, number>();
  for (const b of prose)
    for (let el: Element | null = b.element; el; el = el.parentElement)
      held.set(el, (held.get(el) ?? 0) + b.text.length);
  return new Set([...held].filter(([, n]) => n * 2 > total).map(([el]) => el));
}

/** A heading the page calls a section name or kicker (when the headline itself is gone). */
function kicker(el: Element): boolean {
  return (
    /^h[1-6]$/i.test(el.tagName) &&
    classWords(el).some((w) => /^(section|kicker|category|rubric|eyebrow|overline)$/.test(w))
  );
}

/** A table row of <th> cells only names the columns below it. */
function headerRow(row: Element): boolean {
  const cells = [...row.children];
  return cells.length > 1 && cells.every((c) => c.tagName.toLowerCase() === 'th');
}

function markupRule(el: Element): (typeof MARKUP)[number] | undefined {
  const words = classWords(el);
  return MARKUP.find((rule) => words.some((w) => rule.tokens.test(w)));
}

function classWords(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

/** The only child element of `el` when it holds all of its text. */
function soleChild(el: Element): Element | undefined {
  const children = [...el.children].filter((c) => c.tagName.toLowerCase() !== 'br');
  if (children.length !== 1) return undefined;
  const text = (el.textContent ?? '').replace(/\s+/g, '');
  return (children[0]!.textContent ?? '').replace(/\s+/g, '') === text ? children[0] : undefined;
}

/**
 * The page's markup and the text rules can disagree: an element marked as an
 * embedded post ("tweet") that only says "Tweet" is a sharing button. A
 * verdict that removes wins over one that only flags.
 */
function firmest(...verdicts: (Verdict | undefined)[]): Verdict | undefined {
  const given = verdicts.filter((v): v is Verdict => v !== undefined);
  return given.find((v) => v.action !== 'unsure') ?? given[0];
}

/**
 * The text pages give their images (alt and title attributes) when it is a
 * sentence or a name of some length: a paragraph that starts with it is the
 * photo's caption set below the image.
 */
function imageTexts(root: Element): string[] {
  const texts = new Set<string>();
  for (const img of root.querySelectorAll('img'))
    for (const attr of ['alt', 'title']) {
      const text = comparable(img.getAttribute(attr) ?? '');
      if (text.split(' ').length >= 3) texts.add(text);
    }
  return [...texts];
}

function imageCaption(block: HtmlBlock, captions: string[]): Verdict | undefined {
  if (!captions.length || block.text.split(' ').length > 80) return undefined;
  const text = comparable(block.text);
  return captions.some((c) => text.startsWith(c) || text.startsWith(`(${c}`) || c === text)
    ? { action: 'remove', reason: 'photo caption (it repeats the image\u2019s description)' }
    : undefined;
}

/** "Fox News", "www.foxnews.com" → "foxnews": a site's name as written in its logo line. */
function siteKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(https?:\/\/)?(www\.)?/, '')
    .replace(/\.(com|org|net|co\.uk|com\.au|de|fr|es|it|info|co)\b.*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** A line that only names the site ("| FoxNews.com"): the outlet's label, not article text. */
function siteName(block: HtmlBlock, names: string[]): Verdict | undefined {
  if (block.text.split(' ').length > 5) return undefined;
  const key = siteKey(block.text);
  return names.includes(key) ? { action: 'remove', reason: 'site name' } : undefined;
}

/**
 * Above the article's first paragraph, a short line that holds a date is the
 * story's date line, also when it has words our date-line rule does not know
 * ("Sunday, 04 August 2013, last updated 02:21" in any language).
 */
/** A block's text less the time of a later edit printed in it (page-parts.ts, markedAsUpdate). */
function withoutLaterEdit(block: HtmlBlock): string {
  if (markedAsUpdate(block.element)) return '';
  const marked = [...block.element.querySelectorAll('*')].some(markedAsUpdate);
  return marked ? spacedText(block.element, markedAsUpdate) : block.text;
}

function topDateLine(block: HtmlBlock, lang: string | undefined): Verdict | undefined {
  if (inFactBox(block.element)) return undefined;
  const words = block.text.split(/\s+/).length;
  if (words > 14 || /[.!?]$/.test(block.text)) return undefined;
  const found = dateInText(block.text, lang);
  // A date line is mostly its date, with a label or a weekday; a line where the date is one part of a
  // sentence ("The act was signed into law on August 14, 1935") is a highlight or a fact box.
  if (!found || wordCount(block.text.replace(found.text, ' ')) > 5) return undefined;
  return TOP_DATE_LINE;
}
const TOP_DATE_LINE: Verdict = { action: 'remove', reason: 'date line' };

/** A pull quote repeats a sentence of the article in large type: it is removed, the paragraph it repeats stays. */
function pullQuote(texts: string[], index: number): Verdict | undefined {
  const text = texts[index]!;
  if (text.split(' ').length < 6) return undefined;
  const quoted = text.replace(/^["“”']|["“”']$/g, '');
  const source = texts.findIndex(
    (other, j) => j !== index && other.length > text.length && other.includes(quoted),
  );
  return source < 0
    ? undefined
    : { action: 'remove', reason: 'pull quote (it repeats a sentence of the article)' };
}

/** A short paragraph that is all link: a pointer to another page, not reporting. */
function linkOnly(block: HtmlBlock): Verdict | undefined {
  const words = block.text.split(' ').length;
  return block.linkShare >= 0.9 && words <= 25
    ? { action: 'remove', reason: 'link to another page' }
    : undefined;
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/**
 * Everything the page shows that the draft does not keep, in page order:
 * what our rules removed with their reasons, and what Readability left out
 * (navigation, captions, footers), named by the element it came from. Short
 * link items (menus) are counted, not listed.
 */
function leftOut(page: Element, extracted: Extracted, ours: ImportNote[]): ImportNote[] {
  const kept = new Set(extracted.paragraphs);
  const byText = new Map(ours.map((n) => [n.text, n]));
  const notes: ImportNote[] = [];
  let menuItems = 0;
  const blocks = htmlBlocks(page);
  const layout = proseHolders(blocks);
  for (const block of blocks) {
    if (kept.has(block.text)) continue;
    const own = byText.get(block.text);
    if (own) {
      notes.push(own);
      byText.delete(block.text);
      continue;
    }
    if (extracted.title && comparable(block.text) === comparable(extracted.title.value)) {
      notes.push({
        element: describe(block.element),
        text: block.text,
        reason: 'headline (the title)',
      });
      continue;
    }
    const verdict = markupVerdict(block, page, layout) ?? furniture(block.text);
    if (!verdict && block.text.split(' ').length < 4) {
      menuItems++;
      continue;
    }
    const reason =
      verdict && verdict.action !== 'unsure'
        ? verdict.reason
        : 'not part of the article (left out by Readability)';
    notes.push({ element: describe(block.element), text: block.text, reason });
  }
  notes.push(...byText.values());
  if (menuItems)
    notes.push({
      element: '(several)',
      text: `${menuItems} short menu and link items`,
      reason: 'site navigation',
    });
  return notes;
}
