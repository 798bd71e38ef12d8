/**
 * Inline Markdown for bank text (*emphasis*, **strong**, `code`, links and
 * images). Raw HTML is disabled: a teacher typing <b> sees "<b>" printed,
 * and nothing typed in the bank can inject markup into a page.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });

/**
 * Rendered text by source. The same instructions and section headings are
 * on every copy of a class: 1,000 copies would parse them 11,000 times.
 * Bounded, because the preview runs for hours while the bank is edited.
 */
const rendered = { inline: new Map<string, string>(), block: new Map<string, string>() };
const REMEMBERED = 5000;

function remembered(cache: Map<string, string>, text: string, render: () => string): string {
  let html = cache.get(text);
  if (html === undefined) {
    if (cache.size >= REMEMBERED) cache.clear();
    html = render();
    cache.set(text, html);
  }
  return html;
}

/** Renders one line of inline Markdown to safe HTML (no wrapping <p>). */
export function inlineMarkdown(text: string): string {
  return remembered(rendered.inline, text, () => md.renderInline(text));
}

/** Renders Markdown paragraphs and lists (overviews, lesson notes); raw HTML still shown as text. */
export function blockMarkdown(text: string): string {
  return remembered(rendered.block, text, () => md.render(text));
}

/** Renders inline Markdown and strips it to plain text (for exports that take plain text). */
export function markdownToText(text: string): string {
  return md
    .renderInline(text)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
