/**
 * Compact keys: one marking grid per copy, in that copy's own letters.
 *
 * A class of 1,000 has 1,000 grids of about twenty rows, and a row depends
 * only on the question at that place, its letters and its number in the
 * explanations booklet: a few hundred different rows for 20,000. Each row
 * is rendered once (quiz/grid-row.njk) and reused by every grid that shows
 * it, as questions are (RenderedItems), and a class's grids are filled
 * into a shape rendered once (page-fill.ts) with the rows as fields, the
 * way its copies are. Rendering each grid in full was a fifth of a large
 * class's pages' work, and its template one of the largest functions V8
 * compiled, on both threads.
 */
import nunjucks from 'nunjucks';
import type { CopyItem, QuizCopy } from '../quiz/copy.js';
import { keyNotation } from '../quiz/key.js';
import { bubbleType } from '../sheet/layout.js';
import { renderTemplate } from './env.js';
import { pageFrame } from './page.js';
import { fieldMarker } from './page-fill.js';
import type { ExplanationsBooklet } from './explanations.js';
import { copyName, copyView, footer, quizView, type QuizRenderContext } from './quiz-context.js';
import { studentFields } from './quiz-copy.js';
import { gridColumns, gridItem } from './quiz-key.js';

/**
 * A compact key: one marking grid with this copy's letters and, for each
 * item, the question's number in the explanations booklet, which holds what
 * every copy's full key would repeat (explanation, evidence, sources).
 */
export function renderMarkingGrid(
  copy: QuizCopy,
  booklet: Pick<ExplanationsBooklet, 'numbers'>,
  bookletTitle: string,
  context: QuizRenderContext,
): string {
  const withSheet = context.answerSheet !== undefined;
  const items = copy.items.map((item) => {
    const row = {
      ...gridItem(item),
      booklet_number: booklet.numbers.get(item.question.id),
      ...(withSheet ? { sheet: sheetKey(item) } : {}),
    };
    return { ...row, row_html: gridRow(row, withSheet, context) };
  });
  const view = {
    ...pageFrame({
      title: `Marking grid — ${copy.title} — ${copyName(copy)}`,
      paper: copy.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: `Marking grid · ${copy.title}`,
      headerRight: copyName(copy),
      footerLeft: footer(copy),
      part: context.part,
    }),
    quiz: quizView(copy),
    copy: copyView(copy),
    booklet_title: bookletTitle,
    with_sheet: withSheet,
    grid: gridColumns(items),
  };
  if (!context.fills) return renderTemplate(context.env, 'quiz/marking-grid.njk', view);
  const { field, values } = fieldMarker();
  // The built-in marking-grid.njk writes a row only as its HTML.
  const shape = {
    ...view,
    ...studentFields(view, field),
    grid: view.grid.map((half) => half.map((item) => ({ row_html: field(item.row_html) }))),
  };
  return context.fills.render('quiz/marking-grid.njk', view, shape, values);
}

/**
 * A row's HTML, rendered once per different row when the context holds a
 * cache. The key is the row's whole view, so a project's own grid-row.njk
 * may use any of it.
 */
function gridRow(row: object, withSheet: boolean, context: QuizRenderContext) {
  const render = () =>
    // The file's last line break is not the row's: the grid lays its rows out itself.
    renderTemplate(context.env, 'quiz/grid-row.njk', { item: row, with_sheet: withSheet }).replace(
      /\n$/,
      '',
    );
  const rows = context.items?.rows;
  let html: string | undefined;
  if (!rows) html = render();
  else {
    const key = `${withSheet}${JSON.stringify(row)}`;
    html = rows.get(key);
    if (html === undefined) {
      html = render();
      rows.set(key, html);
    }
  }
  return new nunjucks.runtime.SafeString(html);
}

/**
 * The item as its row on the answer sheet looks when correctly marked: the
 * same bubbles in the same order, the right ones filled, so the teacher can
 * hold the grid next to a pupil's sheet.
 */
function sheetKey(item: CopyItem) {
  const kind = bubbleType(item);
  const p = item.presentation;
  if (kind === 'number') return { number: keyNotation(p) };
  if (kind === 'paper') return { paper: true };
  const correct = new Set(keyNotation(p).split(''));
  const values =
    p.type === 'single' || p.type === 'multiple' ? p.options.map((o) => o.letter) : ['T', 'F'];
  return { bubbles: values.map((value) => ({ value, filled: correct.has(value) })) };
}
