/**
 * What an element of the article is, by the page's own markup: the class and id words sites give
 * captions, bylines, sharing bars, related-story lists, adverts, pull quotes and comments; hidden
 * panels; <aside> boxes; header rows of tables.
 */
import type { HtmlBlock } from './blocks.js';
import { looksLikeProse, wordCount, type Verdict } from './furniture.js';

/** A photo's caption or credit, by its element (<figcaption>) or the class words sites give it. */
export const CAPTION: Verdict = { action: 'remove', reason: 'photo caption or credit' };

const MARKUP: {
  tokens: RegExp;
  verdict: Verdict;
  evenAroundMostProse?: boolean;
  /**
   * Topic tags and sharing buttons are a few words each: a paragraph of prose under such a class word
   * is the article's, named by a script's class ("eventDetailsContentTags" on a pasted post).
   */
  neverProse?: boolean;
}[] = [
  {
    tokens: /^(caption|captions|figcaption|credit|credits|photocredit|copyright)$/,
    verdict: CAPTION,
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
    neverProse: true,
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
    neverProse: true,
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
 * The verdicts on text that is not the story's: the readers' comments and the list of other stories.
 * A date line there is a comment's time or another story's day, never the page's publication date.
 */
const OTHERS_TEXT: ReadonlySet<Verdict> = new Set(
  MARKUP.filter((rule) => rule.tokens.test('comments') || rule.tokens.test('related')).map(
    (rule) => rule.verdict,
  ),
);

export function othersText(verdict: Verdict): boolean {
  return OTHERS_TEXT.has(verdict);
}

/**
 * Judged by the page's own markup: the element, or one around it inside the article, says what it is.
 * A class word on an element that holds most of the article's prose names the page's layout, not its
 * content: `<div class="ad-wallpaper">` around a whole story is the frame of a full-page advert, and
 * `<div class="post has-sidebar-ad">` a column beside one. Such an element is never dropped for its class.
 */
export function markupVerdict(
  block: HtmlBlock,
  root: Element,
  layout: ReadonlySet<Element>,
): Verdict | undefined {
  for (let el: Element | null = block.element; el && el !== root; el = el.parentElement) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'figcaption') return CAPTION;
    if (hidden(el) && !layout.has(el))
      return {
        action: 'remove',
        reason: 'hidden on the page (a dialog or panel a script may open)',
      };
    if (tag === 'aside' && !layout.has(el))
      return { action: 'remove', reason: 'aside box (pull quote or sidebar)' };
    const rule = markupRule(el, block);
    if (rule && (rule.evenAroundMostProse || !layout.has(el)) && !pastPaywall(el, root))
      return rule.verdict;
  }
  if (block.element.tagName.toLowerCase() === 'tr' && headerRow(block.element))
    return { action: 'remove', reason: 'table header row (column names)' };
  // <p><span class="photoCredit">Courtesy G4</span></p>: the one element that holds all the text says what it is.
  for (let el = soleChild(block.element); el; el = soleChild(el)) {
    const rule = markupRule(el, block);
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
export function proseHolders(blocks: HtmlBlock[]): Set<Element> {
  const prose = blocks.filter((b) => b.linkShare < 0.5 && looksLikeProse(b.text));
  const total = prose.reduce((sum, b) => sum + b.text.length, 0);
  const held = new Map<Element, number>();
  for (const b of prose)
    for (let el: Element | null = b.element; el; el = el.parentElement)
      held.set(el, (held.get(el) ?? 0) + b.text.length);
  return new Set([...held].filter(([, n]) => n * 2 > total).map(([el]) => el));
}

/** A heading the page calls a section name or kicker (when the headline itself is gone). */
export function kicker(el: Element): boolean {
  return (
    /^h[1-6]$/i.test(el.tagName) &&
    classWords(el).some((w) => /^(section|kicker|category|rubric|eyebrow|overline)$/.test(w))
  );
}

/**
 * `<p class="body-paragraph paywall">` after `<p class="body-paragraph">`: news sites mark the story's
 * paragraphs past the paywall line with a paywall class, which a subscriber's saved page shows as
 * ordinary text. A paragraph classed exactly like another of the page's paragraphs, but for its
 * paywall words, is the story's own; a paywall box ("Subscribe to keep reading") has its own classes.
 */
function pastPaywall(el: Element, root: Element): boolean {
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  const rest = classes.filter((c) => !/paywall/i.test(c));
  if (rest.length === 0 || rest.length === classes.length) return false;
  const tag = el.tagName.toLowerCase();
  const same = rest.join(' ');
  return [...root.getElementsByTagName(tag)].some(
    (other) =>
      other !== el &&
      (other.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).join(' ') === same,
  );
}

/** A table row of <th> cells only names the columns below it. */
function headerRow(row: Element): boolean {
  const cells = [...row.children];
  return cells.length > 1 && cells.every((c) => c.tagName.toLowerCase() === 'th');
}

/** Long enough to be a paragraph, not a sharing line ("A link has been sent to your friend."). */
const PARAGRAPH_WORDS = 20;

function markupRule(el: Element, block: HtmlBlock): (typeof MARKUP)[number] | undefined {
  const words = classWords(el);
  const prose =
    block.linkShare < 0.5 && looksLikeProse(block.text) && wordCount(block.text) >= PARAGRAPH_WORDS;
  return MARKUP.find(
    (rule) => !(rule.neverProse && prose) && words.some((w) => rule.tokens.test(w)),
  );
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
export function firmest(...verdicts: (Verdict | undefined)[]): Verdict | undefined {
  const given = verdicts.filter((v): v is Verdict => v !== undefined);
  return given.find((v) => v.action !== 'unsure') ?? given[0];
}
