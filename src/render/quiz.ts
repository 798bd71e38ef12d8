/** Student copies and answer keys as HTML, from a drawn QuizCopy. */
import type { Corpus } from '../corpus/article.js';
import { citationLines } from '../corpus/citation.js';
import { TYPE_LABELS } from '../bank/question.js';
import type { CopyItem, QuizCopy } from '../quiz/copy.js';
import { keyNotation } from '../quiz/key.js';
import { relabelRefs } from '../corpus/ref-labels.js';
import { renderTemplate, type Environment } from './env.js';
import { pageFrame } from './page.js';
import { answerSheetView } from './answer-sheet.js';
import type { LayoutOptions } from '../sheet/layout.js';

export interface QuizRenderContext {
  env: Environment;
  corpus: Corpus;
  /** URL of out/assets as seen from the page (relative, e.g. "../../assets"). */
  assetsUrl: string;
  /** Add an answer sheet after the questions (blueprint `answer_sheet`). */
  answerSheet?: LayoutOptions;
}

/** "Version A" or "Ana Pérez (s001)": how a copy is named on its pages. */
export function copyName(copy: QuizCopy): string {
  return copy.student ? `${copy.student.name} (${copy.student.id})` : `Version ${copy.version}`;
}

function footer(copy: QuizCopy): string {
  // Enough to regenerate exactly this copy: quiz, seed and version or student.
  const who = copy.student
    ? `student ${copy.student.id}, copy ${copy.version}`
    : `version ${copy.version}`;
  return `${copy.quizId} · seed ${copy.seed} · ${who}`;
}

function quizView(copy: QuizCopy) {
  return {
    title: copy.title,
    instructions: copy.instructions,
    seed: copy.seed,
    item_count: copy.items.length,
    total_points: copy.totalPoints,
  };
}

function copyView(copy: QuizCopy) {
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
  return renderTemplate(context.env, 'quiz/copy.njk', {
    ...pageFrame({
      title: `${copy.title} — ${copyName(copy)}`,
      paper: copy.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: copy.title,
      headerRight: copyName(copy),
      footerLeft: footer(copy),
    }),
    quiz: quizView(copy),
    copy: copyView(copy),
    sections: copy.sections.map((section) => ({
      title: section.title,
      instructions: section.instructions,
      points: section.items.reduce((n, item) => n + item.points, 0),
      items: section.items.map((item) => ({ ...item, blank_widths: blankWidths(item) })),
    })),
    sheet: context.answerSheet ? answerSheetView(copy, context.answerSheet) : undefined,
  });
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
  const half = Math.ceil(items.length / 2);
  return renderTemplate(context.env, 'quiz/key.njk', {
    ...pageFrame({
      title: `Answer key — ${copy.title} — ${copyName(copy)}`,
      paper: copy.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: `Answer key · ${copy.title}`,
      headerRight: copyName(copy),
      footerLeft: footer(copy),
    }),
    quiz: quizView(copy),
    copy: copyView(copy),
    items,
    grid: items.length > GRID_COLUMN_ROWS ? [items.slice(0, half), items.slice(half)] : [items],
  });
}

function keyItem(item: CopyItem, context: QuizRenderContext) {
  const key = keyNotation(item.presentation);
  const letters = ['single', 'multiple', 'true-false', 'matching', 'ordering'].includes(
    item.presentation.type,
  );
  return {
    ...item,
    key,
    letters,
    grid_answer:
      item.presentation.type === 'cloze'
        ? key
            .split('|')
            .map((a, i) => `${i + 1}. ${a}`)
            .join('  ')
        : key,
    type_label: TYPE_LABELS[item.question.type],
    short_type: SHORT_TYPES[item.question.type],
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
