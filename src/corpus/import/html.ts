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
import {
  comparable,
  hostName,
  imageCaption,
  imageTexts,
  linkOnly,
  pullQuote,
  siteKey,
  siteName,
  TOP_DATE_LINE,
  topDateLine,
  withoutLaterEdit,
} from './block-verdicts.js';
import { blockNote, describe, htmlBlocks, type HtmlBlock } from './blocks.js';
import { captionStory, KEPT_CAPTION, type CaptionStory } from './caption-story.js';
import { dateInText } from './dates.js';
import type { Extracted, ImportNote } from './extracted.js';
import {
  bylineAuthor,
  dateline,
  dateOnlyLine,
  furniture,
  looksLikeProse,
  type Verdict,
} from './furniture.js';
import { removeInvisible } from './invisible.js';
import { pageLanguage } from './language.js';
import { firmest, kicker, markupVerdict, othersText, proseHolders } from './markup-verdict.js';
import { pageMetadata } from './metadata.js';

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
  let footer: Verdict | undefined;
  const keptBlocks: HtmlBlock[] = [];
  const texts = blocks.map((b) => comparable(b.text));
  const captions = imageTexts(article.content);
  const siteNames = [metadata.outlet?.value, hostName(metadata.url?.value ?? options.url)]
    .map((n) => (n === undefined ? '' : siteKey(n)))
    .filter((n) => n.length >= 3);
  const lang = pageLanguage(document);
  const layout = proseHolders(blocks);
  const story = captionStory(blocks, article.content, layout);
  const headlineAt = blocks.findIndex(
    (b, i) =>
      i < 3 &&
      extracted.title !== undefined &&
      comparable(b.text) === comparable(extracted.title.value),
  );
  for (const [i, block] of blocks.entries()) {
    // A slideshow's captions that carry its story are judged as paragraphs, not as photos' captions.
    const storyCaption = story.captions.has(block);
    const verdict =
      firmest(
        storyCaption ? undefined : markupVerdict(block, article.content, layout),
        furniture(block.text),
      ) ??
      pullQuote(texts, i) ??
      linkOnly(block) ??
      (storyCaption ? undefined : imageCaption(block, captions)) ??
      siteName(block, siteNames) ??
      (keptBlocks.some((b) => looksLikeProse(b.text)) ? undefined : topDateLine(block, lang));
    if (footer && (block.linkShare > 0.5 || !looksLikeProse(block.text))) {
      removed.push(blockNote(block, footer.reason));
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
        removed.push(blockNote(block, 'headline (the title)'));
        continue;
      }
      // A section name or kicker set above the headline ("Executive Branch", "World").
      if (
        block.text.split(' ').length <= 6 &&
        (i < headlineAt ||
          (!keptBlocks.some((b) => looksLikeProse(b.text)) && kicker(block.element)))
      ) {
        removed.push(blockNote(block, 'section name above the headline'));
        continue;
      }
      // A deck: a heading that is a sentence, set above the first paragraph (a subheading is short and
      // comes between paragraphs).
      if (
        /^h[2-6]$/i.test(block.element.tagName) &&
        block.text.split(' ').length >= 8 &&
        !keptBlocks.some((b) => looksLikeProse(b.text))
      ) {
        removed.push(blockNote(block, 'standfirst above the article text'));
        continue;
      }
      if (storyCaption) unsure.push(blockNote(block, KEPT_CAPTION));
      keptBlocks.push(block);
      continue;
    }
    if (verdict.action === 'unsure') {
      unsure.push(blockNote(block, verdict.reason));
      keptBlocks.push(block);
      continue;
    }
    if (verdict.action === 'footer') footer = verdict;
    const author = bylineAuthor(block.text);
    const shown = withoutLaterEdit(block);
    // A date line among the readers' comments or the related stories is theirs, not the page's.
    const date = othersText(verdict)
      ? undefined
      : (dateOnlyLine(shown) ??
        (verdict === TOP_DATE_LINE ? dateInText(shown, lang)?.date : undefined));
    // A byline inside the article names its writer better than a guess from the page's class names.
    if (author && (!extracted.author || extracted.author.from === 'the byline')) {
      extracted.author = { value: author, from: `the byline ${describe(block.element)}` };
      removed.push(blockNote(block, 'byline (used as the author)'));
    } else if (date && !extracted.published) {
      extracted.published = { value: date, from: `the date line ${describe(block.element)}` };
      removed.push(blockNote(block, 'date line (used as the publication date)'));
    } else removed.push(blockNote(block, verdict.reason));
  }
  trimEdges(extracted, keptBlocks, removed, story);
  // A line cut at the edges is reported as removed: it is not kept, so it is not listed as unsure too.
  extracted.unsure = unsure.filter((note) => extracted.paragraphs.includes(note.text));
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
function trimEdges(
  extracted: Extracted,
  kept: HtmlBlock[],
  removed: ImportNote[],
  slideshow: CaptionStory,
): void {
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
  for (const block of kept) {
    // A slideshow's story captions, one per slide, are one run of text: the slideshow holds it.
    const around =
      (slideshow.captions.has(block) && slideshow.slides) || block.element.parentElement;
    holder.set(around, (holder.get(around) ?? 0) + block.text.length);
  }
  let main = [...holder.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // A long table (an episode list) can hold more text than any run of paragraphs; it is part of the
  // article, which is the element around it.
  while (main && /^(table|thead|tbody|tfoot|tr)$/i.test(main.tagName)) main = main.parentElement;
  // The sections of one <article> (a review's body, then its wrap-up) are all the article's: the end is
  // the end of the <article> around the main run of paragraphs, when the page marks one.
  const article = main?.closest('article');
  if (article) main = article;
  let end = kept.length;
  const story = main ? runsOf(main, kept) : [];
  const inMain = (block: HtmlBlock): boolean => story.some((run) => run.contains(block.element));
  const lastInMain = kept.findLastIndex(inMain);
  if (main && lastInMain >= 0) end = lastInMain + 1;
  for (const block of kept.slice(0, start))
    removed.push(blockNote(block, 'header above the article text (section name or standfirst)'));
  for (const block of kept.slice(end))
    removed.push(blockNote(block, 'page footer after the article text'));
  extracted.paragraphs = kept.slice(start, end).map((b) => b.text);
}

/**
 * A story set in runs of paragraphs, one container each, between adverts, images or quotes
 * (`<div class="text-block">`, an advert, `<div class="text-block">`): the container with the most text
 * is one run, and the runs of the same kind beside it, a few levels up, are the story's too. Its end is
 * the last run's end, not the first's; a footer note in a container of its own still ends it.
 */
function runsOf(main: Element, kept: HtmlBlock[]): Element[] {
  let run: Element = main;
  for (let level = 0; level < 5 && run.parentElement; level++, run = run.parentElement) {
    const kind = run.getAttribute('class')?.trim();
    if (!kind) continue;
    const twins = [...run.parentElement.children].filter(
      (other) =>
        other === run ||
        (other.tagName === run.tagName &&
          other.getAttribute('class')?.trim() === kind &&
          kept.some((b) => other.contains(b.element) && looksLikeProse(b.text))),
    );
    if (twins.length > 1) return twins;
  }
  return [main];
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
      notes.push(blockNote(block, 'headline (the title)'));
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
    notes.push(blockNote(block, reason));
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
