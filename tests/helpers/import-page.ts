/**
 * A small saved page for the extractor's rules: three paragraphs of a school
 * board story inside `<div class="story">`, with the furniture a test puts
 * around them, imported as `corpus import` imports a saved .html file.
 */
import { draftArticle } from '../../src/corpus/import/draft-article.js';

export const PROSE = [
  'The county school board voted on Tuesday to extend the school day by twenty minutes from next autumn, after a year of hearings in which parents, teachers and bus drivers argued over the change.',
  'Board members said the extra time would go to reading in the early grades, where test scores have fallen for three years in a row, and to mathematics in the middle schools.',
  'The teachers union said it would ask for the extra minutes to be paid at the normal rate, and that talks with the board would start in the spring before the budget is set.',
];

export interface PageParts {
  title?: string;
  head?: string;
  lang?: string;
  /** The class of <body>. */
  bodyClass?: string;
  /** Inside the article, before the paragraphs. */
  top?: string;
  /** Inside the article, after the paragraphs. */
  bottom?: string;
  /** Outside the article, before it. */
  before?: string;
  /** Outside the article, after it. */
  after?: string;
  /** The article's own element (default `<div class="story">`). */
  open?: string;
  paragraphs?: string[];
}

export function page(parts: PageParts) {
  const open = parts.open ?? '<div class="story">';
  const close = `</${/^<(\w+)/.exec(open)![1]}>`;
  const html = `<!doctype html><html lang="${parts.lang ?? 'en'}"><head><title>${parts.title ?? 'School day to grow longer'}</title>${parts.head ?? ''}</head>
<body${parts.bodyClass ? ` class="${parts.bodyClass}"` : ''}>${parts.before ?? ''}${open}${parts.top ?? ''}
${(parts.paragraphs ?? PROSE).map((p) => `<p>${p}</p>`).join('\n')}
${parts.bottom ?? ''}${close}${parts.after ?? ''}</body></html>`;
  return draftArticle({
    bytes: Buffer.from(html),
    kind: 'html',
    name: 'page.html',
    file: '/tmp/page.html',
  });
}

export type PageDraft = ReturnType<typeof page>;

export const found = (draft: PageDraft, field: string) =>
  draft.found.find((f) => f.field === field)?.value;

export const reasonFor = (draft: PageDraft, text: string) =>
  draft.removed.find((n) => n.text === text)?.reason;
