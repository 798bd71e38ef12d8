/**
 * The article's paragraphs from the HTML that Readability kept, split exactly
 * as the page splits them: every block element (<p>, <li>, <h2>, <blockquote>
 * ...) is its own paragraph, never merged with its neighbours; line breaks
 * inside one fold to spaces, as in corpus files. Each paragraph remembers its
 * element, so furniture can be judged by the page's own markup and reported
 * by element.
 */
import type { ImportNote } from './extracted.js';

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'button',
  'input',
  'select',
  'textarea',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'source',
  'head',
]);

export interface HtmlBlock {
  text: string;
  /** The block element that holds the text. */
  element: Element;
  /** Share of the text that is inside links. */
  linkShare: number;
}

export function htmlBlocks(root: Element): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let text = '';
  let linked = 0;
  const flush = (owner: Element): void => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(clean))
      blocks.push({
        text: clean,
        element: owner,
        linkShare: clean.length ? Math.min(1, linked / clean.length) : 0,
      });
    text = '';
    linked = 0;
  };
  const walk = (node: Node, owner: Element, inLink: boolean): void => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        text += value;
        if (inLink) linked += value.replace(/\s+/g, ' ').trim().length;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toLowerCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'br') {
        text += ' ';
      } else if (BLOCK.has(tag) || (tag === 'td' || tag === 'th' ? false : hasBlockInside(el))) {
        flush(owner);
        walk(el, el, false);
        flush(el);
      } else {
        if (tag === 'td' || tag === 'th') text += ' ';
        walk(el, owner, inLink || tag === 'a');
      }
    }
  };
  walk(root, root, false);
  flush(root);
  return blocks;
}

function hasBlockInside(el: Element): boolean {
  for (const child of el.children)
    if (BLOCK.has(child.tagName.toLowerCase()) || hasBlockInside(child)) return true;
  return false;
}

/** `<p class="share-bar">`, for the report: the element as the teacher would find it in the page source. */
export function describe(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const id = el.getAttribute('id');
  const cls = el.getAttribute('class')?.replace(/\s+/g, ' ').trim();
  return `<${tag}${id && !id.startsWith('readability-') ? ` id="${id}"` : ''}${cls && cls !== 'page' ? ` class="${cls}"` : ''}>`;
}

/** A note for the report on a block the draft does not keep, with the element it came from. */
export function blockNote(block: HtmlBlock, reason: string): ImportNote {
  return { element: describe(block.element), text: block.text, reason };
}
