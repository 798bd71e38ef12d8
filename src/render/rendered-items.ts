/**
 * Rendering once what many copies of a quiz share: each question's HTML,
 * and a class's own pages as shapes filled in per student (classFills, see
 * page-fill.ts), both kept under short keys of their values (shapeKey).
 */
import type { Question } from '../bank/question.js';
import type { CopyItem } from '../quiz/copy.js';
import { renderTemplate, type Environment } from './env.js';
import { pageFills, type PageFills } from './page-fill.js';

/**
 * Question HTML by everything it depends on but its number: a class of
 * 1,000 shows each question in a few dozen option orders, so rendering it
 * once per order instead of once per copy saves most of the work.
 */
export interface RenderedItems {
  html: Map<string, string>;
  /** Marking-grid rows by their view (see marking-grid.ts). */
  rows: Map<string, string>;
  /** Every string seen in a key, by the number that stands for it there (see shapeKey). */
  texts: Map<string, number>;
  /** Whether a question's own text holds NUMBER_MARK, by question (looked at once each). */
  holdsMark: Map<Question, boolean>;
}

export function renderedItems(): RenderedItems {
  return { html: new Map(), rows: new Map(), texts: new Map(), holdsMark: new Map() };
}

/** Stands for the item's number while its HTML is cached (a private-use character). */
const NUMBER_MARK = '\uE000';

/** In a key, a string holding the mark itself (however unlikely): such an item is never cached. */
const HOLDS_MARK = -1;

/**
 * A short key for a value: each string stands as the number it got when
 * first seen. Building it costs a map lookup per string (the bank's strings
 * are the same objects in every copy, so each is hashed once), where a
 * JSON key copied every option's text 20,000 times for a class of 1,000.
 */
function shapeKey(value: unknown, texts: Map<string, number>): string {
  if (typeof value === 'string') {
    let id = texts.get(value);
    if (id === undefined) {
      id = value.includes(NUMBER_MARK) ? HOLDS_MARK : texts.size;
      texts.set(value, id);
    }
    return `s${id}`;
  }
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => shapeKey(v, texts)).join(',')}]`;
  return `{${Object.entries(value)
    .map(([name, v]) => `${shapeKey(name, texts)}:${shapeKey(v, texts)}`)
    .join(',')}}`;
}

/**
 * For a class's own pages: each copy filled into a shape rendered once
 * (see page-fill.ts). `ownDirs`: the project's template folders, whose
 * templates are always rendered in full.
 */
export function classFills(
  env: Environment,
  ownDirs: readonly string[],
  items: RenderedItems,
): PageFills {
  return pageFills(env, ownDirs, (shape) => {
    const key = shapeKey(shape, items.texts);
    // Strings holding NUMBER_MARK share one number in a key: such a shape is never reused.
    return key.includes(`s${HOLDS_MARK}`) ? undefined : key;
  });
}

/** Blank widths in characters, sized to the longest accepted answer. */
function blankWidths(item: CopyItem): number[] {
  if (item.presentation.type !== 'cloze') return [];
  return item.presentation.answers.map((answers) =>
    Math.min(32, Math.max(8, Math.ceil(Math.max(...answers.map((a) => [...a].length)) * 1.4))),
  );
}

/**
 * A copy's item as quiz/item.njk shows it, with its HTML: taken from
 * `cache` when the same question in the same option order was rendered for
 * another copy (no cache: rendered every time).
 */
export function itemView(
  item: CopyItem,
  section: object,
  keyOfSection: string,
  env: Environment,
  cache: RenderedItems | undefined,
) {
  const view = { ...item, blank_widths: blankWidths(item) };
  const render = (number: string | number) =>
    renderTemplate(env, 'quiz/item.njk', { item: { ...view, number }, section });
  if (!cache) return { ...view, html: render(item.number) };
  let holdsMark = cache.holdsMark.get(item.question);
  if (holdsMark === undefined) {
    holdsMark = JSON.stringify(item.question).includes(NUMBER_MARK);
    cache.holdsMark.set(item.question, holdsMark);
  }
  const key = `${shapeKey(item.question.id, cache.texts)}|${item.points}|${shapeKey(item.presentation, cache.texts)}|${keyOfSection}`;
  if (holdsMark || key.includes(`s${HOLDS_MARK}`)) return { ...view, html: render(item.number) };
  let html = cache.html.get(key);
  if (html === undefined) {
    html = render(NUMBER_MARK);
    cache.html.set(key, html);
  }
  return { ...view, html: html.replaceAll(NUMBER_MARK, String(item.number)) };
}

/** The key under which a section's view is kept (none without a cache). */
export function sectionKey(view: object, cache: RenderedItems | undefined): string {
  return cache ? shapeKey(view, cache.texts) : '';
}
