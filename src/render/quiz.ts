/** Student copies and answer keys as HTML, from a drawn QuizCopy. */
import type { Corpus } from '../corpus/article.js';
import { citationLines } from '../corpus/citation.js';
import { TYPE_LABELS, type Question } from '../bank/question.js';
import type { CopyItem, QuizCopy, Student } from '../quiz/copy.js';
import { keyNotation } from '../quiz/key.js';
import { relabelRefs } from '../corpus/ref-labels.js';
import { renderTemplate, type Environment } from './env.js';
import { pageFrame, type PageFrame, type PagePart } from './page.js';
import { answerSheetView } from './answer-sheet.js';
import { fieldMarker, pageFills, type PageFills } from './page-fill.js';
import type { LayoutOptions } from '../sheet/layout.js';

export interface QuizRenderContext {
  env: Environment;
  corpus: Corpus;
  /** URL of out/assets as seen from the page (relative, e.g. "../../assets"). */
  assetsUrl: string;
  /** Rendering one copy of a pack printed as one document (see PagePart). */
  part?: PagePart;
  /** Items already rendered for other copies (see renderedItems); none means no reuse. */
  items?: RenderedItems;
  /** Add an answer sheet after the questions (blueprint `answer_sheet`). */
  answerSheet?: LayoutOptions;
  /** Copies filled into shapes rendered once (see classFills); none means each is rendered in full. */
  fills?: PageFills;
}

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

/** "Version A" or "Ana Pérez (s001)": how a copy is named on its pages. */
export function copyName(copy: QuizCopy): string {
  return copy.student ? studentCopyName(copy.student) : `Version ${copy.version}`;
}

export function studentCopyName(student: Student): string {
  return `${student.name} (${student.id})`;
}

export function footer(copy: QuizCopy): string {
  // Enough to regenerate exactly this copy: quiz, seed and version or student.
  const who = copy.student
    ? `student ${copy.student.id}, copy ${copy.version}`
    : `version ${copy.version}`;
  return `${copy.quizId} · seed ${copy.seed} · ${who}`;
}

export function quizView(copy: QuizCopy) {
  return {
    title: copy.title,
    instructions: copy.instructions,
    seed: copy.seed,
    item_count: copy.items.length,
    total_points: copy.totalPoints,
  };
}

export function copyView(copy: QuizCopy) {
  const className = copy.student?.extra.find(([column]) => column.toLowerCase() === 'class')?.[1];
  return {
    version: copy.version,
    version_label: copy.student
      ? `Copy ${copy.version} for ${copy.student.name}`
      : `Version ${copy.version}`,
    student: copy.student
      ? { id: copy.student.id, name: copy.student.name, class: className }
      : undefined,
  };
}

/** Blank widths in characters, sized to the longest accepted answer. */
function blankWidths(item: CopyItem): number[] {
  if (item.presentation.type !== 'cloze') return [];
  return item.presentation.answers.map((answers) =>
    Math.min(32, Math.max(8, Math.ceil(Math.max(...answers.map((a) => [...a].length)) * 1.4))),
  );
}

export function renderCopy(copy: QuizCopy, context: QuizRenderContext): string {
  const view = copyPage(copy, context);
  if (!context.fills) return renderTemplate(context.env, 'quiz/copy.njk', view);
  // What differs from one student's copy to the next (see page-fill.ts).
  const { field, values } = fieldMarker();
  const shape = {
    ...view,
    ...studentFields(view, field),
    // The built-in copy.njk writes an item only as its HTML.
    sections: view.sections.map((section) => ({
      ...section,
      items: section.items.map((item) => ({ html: field(item.html) })),
    })),
    sheet: view.sheet && {
      ...view.sheet,
      pages: view.sheet.pages.map((page) => ({
        ...page,
        qr: field(page.qr),
        code_text: field(page.code_text),
      })),
    },
  };
  return context.fills.render('quiz/copy.njk', view, shape, values);
}

/** A page's fields that differ from one student's copy to the next, marked (see page-fill.ts). */
export function studentFields(
  view: PageFrame & { copy: ReturnType<typeof copyView> },
  field: <T>(value: T) => T | string,
) {
  return {
    title: field(view.title),
    header_right: field(view.header_right),
    footer_left: field(view.footer_left),
    copy: {
      ...view.copy,
      version: field(view.copy.version),
      version_label: field(view.copy.version_label),
      student: view.copy.student && {
        id: field(view.copy.student.id),
        name: field(view.copy.student.name),
        class: field(view.copy.student.class),
      },
    },
  };
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

/** What quiz/copy.njk renders a copy from. */
function copyPage(copy: QuizCopy, context: QuizRenderContext) {
  return {
    ...pageFrame({
      title: `${copy.title} — ${copyName(copy)}`,
      paper: copy.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: copy.title,
      headerRight: copyName(copy),
      footerLeft: footer(copy),
      part: context.part,
    }),
    quiz: quizView(copy),
    copy: copyView(copy),
    sections: copy.sections.map((section) => {
      const view = {
        title: section.title,
        instructions: section.instructions,
        points: section.items.reduce((n, item) => n + item.points, 0),
      };
      const key = context.items ? shapeKey(view, context.items.texts) : '';
      return {
        ...view,
        items: section.items.map((item) => itemView(item, view, key, context)),
      };
    }),
    sheet: context.answerSheet ? answerSheetView(copy, context.answerSheet) : undefined,
  };
}

function itemView(item: CopyItem, section: object, sectionKey: string, context: QuizRenderContext) {
  const view = { ...item, blank_widths: blankWidths(item) };
  const render = (number: string | number) =>
    renderTemplate(context.env, 'quiz/item.njk', { item: { ...view, number }, section });
  const cache = context.items;
  if (!cache) return { ...view, html: render(item.number) };
  let holdsMark = cache.holdsMark.get(item.question);
  if (holdsMark === undefined) {
    holdsMark = JSON.stringify(item.question).includes(NUMBER_MARK);
    cache.holdsMark.set(item.question, holdsMark);
  }
  const key = `${shapeKey(item.question.id, cache.texts)}|${item.points}|${shapeKey(item.presentation, cache.texts)}|${sectionKey}`;
  if (holdsMark || key.includes(`s${HOLDS_MARK}`)) return { ...view, html: render(item.number) };
  let html = cache.html.get(key);
  if (html === undefined) {
    html = render(NUMBER_MARK);
    cache.html.set(key, html);
  }
  return { ...view, html: html.replaceAll(NUMBER_MARK, String(item.number)) };
}

/** Type names short enough for the marking grid. */
const SHORT_TYPES: Record<string, string> = {
  single: 'choice',
  multiple: 'choose all',
  'true-false': 'T / F',
  short: 'short',
  numeric: 'number',
  cloze: 'blanks',
  matching: 'matching',
  ordering: 'order',
  essay: 'essay',
};

/** Past this many items the marking grid is printed as two tables side by side, to stay on one page. */
const GRID_COLUMN_ROWS = 25;

export function renderKey(copy: QuizCopy, context: QuizRenderContext): string {
  const items = copy.items.map((item) => keyItem(item, context));
  return renderTemplate(context.env, 'quiz/key.njk', {
    ...pageFrame({
      title: `Answer key — ${copy.title} — ${copyName(copy)}`,
      paper: copy.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: `Answer key · ${copy.title}`,
      headerRight: copyName(copy),
      footerLeft: footer(copy),
      part: context.part,
    }),
    quiz: quizView(copy),
    copy: copyView(copy),
    items,
    grid: gridColumns(items),
  });
}

/** Two tables side by side past GRID_COLUMN_ROWS items, so a grid stays on one page. */
export function gridColumns<T>(items: T[]): T[][] {
  const half = Math.ceil(items.length / 2);
  return items.length > GRID_COLUMN_ROWS ? [items.slice(0, half), items.slice(half)] : [items];
}

/**
 * Where each question of a class's copies is explained: numbered once, in
 * the order the questions first appear (first copy first), so the compact
 * keys can point every copy's items to one shared explanations booklet.
 */
export interface ExplanationsBooklet {
  /** Question id → its number in the booklet. */
  numbers: ReadonlyMap<string, number>;
  /** The first copy item of each question, in booklet order. */
  items: CopyItem[];
}

export function explanationsBooklet(copies: readonly QuizCopy[]): ExplanationsBooklet {
  return bookletOf(
    copies.length,
    (i) => copies[i]!.items.map((item) => item.question),
    (i) => copies[i]!,
  );
}

/**
 * The same booklet from each copy's questions in order (`questions(i)`),
 * without every copy laid out: only a copy where a question first appears
 * is asked for (`copy(i)`), for that question's item. `drawable`: how many
 * different questions the copies can hold at most (ClassDraw.drawable);
 * once all are numbered, the other copies are not looked at (under vary:
 * order, the first copy numbers them all).
 */
export function bookletOf(
  count: number,
  questions: (index: number) => readonly Question[],
  copy: (index: number) => QuizCopy,
  drawable = Infinity,
): ExplanationsBooklet {
  const numbers = new Map<string, number>();
  const items: CopyItem[] = [];
  for (let i = 0; i < count && numbers.size < drawable; i++)
    for (const question of questions(i)) {
      if (numbers.has(question.id)) continue;
      numbers.set(question.id, numbers.size + 1);
      items.push(copy(i).items.find((item) => item.question.id === question.id)!);
    }
  return { numbers, items };
}

/** Every question of a class's copies once: answer (as text), explanation, evidence, sources. */
export function renderExplanations(
  booklet: ExplanationsBooklet,
  first: QuizCopy,
  header: { title: string; group: string },
  context: QuizRenderContext,
): string {
  return renderTemplate(context.env, 'quiz/explanations.njk', {
    ...pageFrame({
      title: header.title,
      paper: first.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: `Explanations · ${first.title}`,
      headerRight: header.group,
      footerLeft: `${first.quizId} · seed ${first.seed} · ${header.group}`,
    }),
    quiz: { ...quizView(first), item_count: booklet.items.length },
    group: header.group,
    entries: booklet.items.map((item, i) => ({ ...keyItem(item, context), number: i + 1 })),
  });
}

/** What a marking grid row shows: the answer in this copy's own letters. */
export function gridItem(item: CopyItem) {
  const key = keyNotation(item.presentation);
  return {
    number: item.number,
    points: item.points,
    letters: LETTER_TYPES.includes(item.presentation.type),
    grid_answer:
      item.presentation.type === 'cloze'
        ? key
            .split('|')
            .map((a, i) => `${i + 1}. ${a}`)
            .join('  ')
        : key,
    short_type: SHORT_TYPES[item.question.type],
  };
}

/** Types whose answer is written in the copy's letters (set in bold in the grid). */
const LETTER_TYPES = ['single', 'multiple', 'true-false', 'matching', 'ordering'];

function keyItem(item: CopyItem, context: QuizRenderContext) {
  const key = keyNotation(item.presentation);
  return {
    ...item,
    ...gridItem(item),
    key,
    type_label: TYPE_LABELS[item.question.type],
    sources: citationLines(item.question.passages, context.corpus),

    // Students number the ordering boxes; this is what each box should say.
    box_numbers:
      item.presentation.type === 'ordering'
        ? item.presentation.options.map((o) => ({
            letter: o.letter,
            position: key.indexOf(o.letter) + 1,
          }))
        : [],
    guidance:
      item.presentation.type === 'essay'
        ? item.presentation.guidance.map((g) =>
            relabelRefs(g, (article, n) => keyRefLabel(context.corpus, article, n)),
          )
        : [],
    right_text:
      item.presentation.type === 'matching'
        ? Object.fromEntries(item.presentation.right.map((o) => [o.letter, o.text]))
        : {},
  };
}

/** "“Russia wants US guarantees on missile shield” ¶3" for a ref written inside guidance. */
function keyRefLabel(corpus: Corpus, article: string, paragraph: number): string | undefined {
  const found = corpus.byId.get(article);
  return found ? `“${found.title}” ¶${paragraph}` : undefined;
}
