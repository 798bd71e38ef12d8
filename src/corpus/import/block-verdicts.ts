/**
 * What a block of the article is, by its text and its neighbours: a photo caption that repeats the
 * image's description, a line naming the site, a date line above the story, a pull quote repeating a
 * sentence of it, a short paragraph that is all link.
 */
import type { HtmlBlock } from './blocks.js';
import { dateInText } from './dates.js';
import { type Verdict, wordCount } from './furniture.js';
import { inFactBox, markedAsUpdate, spacedText } from './page-parts.js';

/**
 * The text pages give their images (alt and title attributes) when it is a
 * sentence or a name of some length: a paragraph that starts with it is the
 * photo's caption set below the image.
 */
export function imageTexts(root: Element): string[] {
  const texts = new Set<string>();
  for (const img of root.querySelectorAll('img'))
    for (const attr of ['alt', 'title']) {
      const text = comparable(img.getAttribute(attr) ?? '');
      if (text.split(' ').length >= 3) texts.add(text);
    }
  return [...texts];
}

export function imageCaption(block: HtmlBlock, captions: string[]): Verdict | undefined {
  if (!captions.length || block.text.split(' ').length > 80) return undefined;
  const text = comparable(block.text);
  return captions.some((c) => text.startsWith(c) || text.startsWith(`(${c}`) || c === text)
    ? { action: 'remove', reason: 'photo caption (it repeats the image\u2019s description)' }
    : undefined;
}

/** "Fox News", "www.foxnews.com" → "foxnews": a site's name as written in its logo line. */
export function siteKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(https?:\/\/)?(www\.)?/, '')
    .replace(/\.(com|org|net|co\.uk|com\.au|de|fr|es|it|info|co)\b.*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** A line that only names the site ("| FoxNews.com"): the outlet's label, not article text. */
export function siteName(block: HtmlBlock, names: string[]): Verdict | undefined {
  if (block.text.split(' ').length > 5) return undefined;
  const key = siteKey(block.text);
  return names.includes(key) ? { action: 'remove', reason: 'site name' } : undefined;
}

/** A block's text less the time of a later edit printed in it (page-parts.ts, markedAsUpdate). */
export function withoutLaterEdit(block: HtmlBlock): string {
  if (markedAsUpdate(block.element)) return '';
  const marked = [...block.element.querySelectorAll('*')].some(markedAsUpdate);
  return marked ? spacedText(block.element, markedAsUpdate) : block.text;
}

/**
 * Above the article's first paragraph, a short line that holds a date is the
 * story's date line, also when it has words our date-line rule does not know
 * ("Sunday, 04 August 2013, last updated 02:21" in any language).
 */
export function topDateLine(block: HtmlBlock, lang: string | undefined): Verdict | undefined {
  if (inFactBox(block.element)) return undefined;
  const words = block.text.split(/\s+/).length;
  if (words > 14 || /[.!?]$/.test(block.text)) return undefined;
  const found = dateInText(block.text, lang);
  // A date line is mostly its date, with a label or a weekday; a line where the date is one part of a
  // sentence ("The act was signed into law on August 14, 1935") is a highlight or a fact box.
  if (!found || wordCount(block.text.replace(found.text, ' ')) > 5) return undefined;
  return TOP_DATE_LINE;
}
export const TOP_DATE_LINE: Verdict = { action: 'remove', reason: 'date line' };

/** A pull quote repeats a sentence of the article in large type: it is removed, the paragraph it repeats stays. */
export function pullQuote(texts: string[], index: number): Verdict | undefined {
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
export function linkOnly(block: HtmlBlock): Verdict | undefined {
  const words = block.text.split(' ').length;
  return block.linkShare >= 0.9 && words <= 25
    ? { action: 'remove', reason: 'link to another page' }
    : undefined;
}

export function comparable(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}
