/**
 * A slideshow or gallery story sets its text in the slides' captions: a short introduction, then one
 * photo after another, each with paragraphs of the story under it in a <figcaption>. Removing every
 * caption as a photo's would leave such an article nearly empty. When long captions of several photos
 * hold more of the page's prose than its paragraphs outside the captions do, those captions are the
 * story: they are kept as paragraphs, and listed in the report as kept captions. Short captions and
 * credits ("Image Source: ..."), and every caption of an ordinary article, are removed as before.
 */
import type { HtmlBlock } from './blocks.js';
import { looksLikeProse, wordCount } from './furniture.js';
import { CAPTION, markupVerdict } from './markup-verdict.js';

/** A caption this long, written in sentences, is a paragraph of text, not a photo's label. */
const STORY_CAPTION_WORDS = 20;
/** Photos whose captions carry the text: a slideshow has several; one long caption is a photo's. */
const MIN_SLIDES = 3;

export const KEPT_CAPTION =
  'slideshow caption kept as article text (the captions hold most of the page\u2019s prose); delete it if it only describes its photo';

export interface CaptionStory {
  /** The caption paragraphs that are the story's text. */
  captions: Set<HtmlBlock>;
  /** The element around all of them (the slideshow), where the story's paragraphs run on. */
  slides?: Element;
}

export function captionStory(
  blocks: HtmlBlock[],
  root: Element,
  layout: ReadonlySet<Element>,
): CaptionStory {
  const none: CaptionStory = { captions: new Set() };
  const prose = blocks.filter((b) => b.linkShare < 0.5 && looksLikeProse(b.text));
  const inCaption = prose.filter((b) => markupVerdict(b, root, layout) === CAPTION);
  const long = inCaption.filter((b) => wordCount(b.text) >= STORY_CAPTION_WORDS);
  const slides = new Set(long.map((b) => b.element.parentElement));
  if (slides.size < MIN_SLIDES) return none;
  const length = (list: HtmlBlock[]): number => list.reduce((sum, b) => sum + b.text.length, 0);
  const outside = prose.filter((b) => !inCaption.includes(b));
  if (length(long) <= length(outside)) return none;
  return { captions: new Set(long), slides: commonAncestor(long.map((b) => b.element)) };
}

function commonAncestor(elements: Element[]): Element | undefined {
  let around: Element | null = elements[0] ?? null;
  while (around && !elements.every((el) => around!.contains(el))) around = around.parentElement;
  return around ?? undefined;
}
