/**
 * Answer keys as HTML: a copy's full key (quiz/key.njk), and what a key
 * says about each item (its answer in the copy's own letters, sources,
 * guidance), which the marking grids and the explanations booklet show too.
 */
import type { Corpus } from '../corpus/article.js';
import { citationLines } from '../corpus/citation.js';
import { relabelRefs } from '../corpus/ref-labels.js';
import { TYPE_LABELS } from '../bank/question.js';
import type { CopyItem, QuizCopy } from '../quiz/copy.js';
import { keyNotation } from '../quiz/key.js';
import { renderTemplate } from './env.js';
import { pageFrame } from './page.js';
import { copyName, copyView, footer, quizView, type QuizRenderContext } from './quiz-context.js';

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

export function keyItem(item: CopyItem, context: QuizRenderContext) {
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
