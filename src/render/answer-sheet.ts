/**
 * The answer sheet's pages as a view for templates/quiz/answer-sheet.njk.
 * Every position comes from sheet/layout.ts (the scanner reads the same
 * numbers); this module only turns them into CSS lengths and labels.
 */
import nunjucks from 'nunjucks';
import type { QuizCopy } from '../quiz/copy.js';
import { encodeSheetCode, qrSvg, sheetCodeText, type SheetCode } from '../sheet/code.js';
import { BOX, BUBBLE_RADIUS } from '../sheet/digit-grid.js';
import { sheetLayout, type LayoutOptions } from '../sheet/layout.js';
import type { Bubble, DigitGrid, Point } from '../sheet/layout-types.js';
import { ID_NOTE, MARK_SIZE } from '../sheet/page-marks.js';

/** Millimetres as CSS, by length: a class's sheets share their positions, so each is written once. */
const lengths = new Map<number, string>();

/** Millimetres as CSS, rounded so the same layout always gives the same bytes. */
function mm(n: number): string {
  let css = lengths.get(n);
  if (css === undefined) {
    css = `${Number(n.toFixed(2))}mm`;
    if (lengths.size < 100_000) lengths.set(n, css);
  }
  return css;
}

function at(point: Point): string {
  return `left:${mm(point.x)};top:${mm(point.y)}`;
}

function bubbleView(bubble: Bubble) {
  const r = BUBBLE_RADIUS;
  return {
    value: bubble.value === '-' ? '−' : bubble.value,
    style: `left:${mm(bubble.x - r)};top:${mm(bubble.y - r)};width:${mm(2 * r)};height:${mm(2 * r)}`,
  };
}

function gridView(grid: DigitGrid) {
  const last = grid.boxes.length - grid.decimals - 1;
  const lastBox = grid.boxes[last];
  return {
    boxes: grid.boxes.map((b) => `${at(b)};width:${mm(BOX.width)};height:${mm(BOX.height)}`),
    bubbles: [...(grid.sign ? [grid.sign] : []), ...grid.columns.flat()].map(bubbleView),
    point:
      grid.decimals > 0 && lastBox
        ? `left:${mm(lastBox.x + BOX.width + 0.2)};top:${mm(lastBox.y + BOX.height - 2.4)}`
        : undefined,
  };
}

export function answerSheetView(copy: QuizCopy, options: LayoutOptions) {
  const layout = sheetLayout(copy, options);
  return {
    page_style: `width:${mm(layout.width)};height:${mm(layout.height)}`,
    paper: layout.paper === 'a4' ? 'A4' : 'letter',
    marks: layout.marks.map(
      (m) =>
        `left:${mm(m.x - MARK_SIZE / 2)};top:${mm(m.y - MARK_SIZE / 2)};width:${mm(MARK_SIZE)};height:${mm(MARK_SIZE)}`,
    ),
    qr_style: at(layout.qr),
    header_style: `left:${mm(20)};top:${mm(16)};width:${mm(layout.qr.x - 24)}`,
    id_note_style: `left:${mm(ID_NOTE.x)};top:${mm(ID_NOTE.y)};width:${mm(layout.width - ID_NOTE.x - 20)}`,
    with_id: !copy.student,
    pages: layout.pages.map((page) => {
      const code: SheetCode = {
        quizId: copy.quizId,
        seed: copy.seed,
        copy: copy.version,
        page: page.page,
        pages: page.pages,
      };
      return {
        page: page.page,
        pages: page.pages,
        code_text: sheetCodeText(code),
        qr: new nunjucks.runtime.SafeString(qrSvg(encodeSheetCode(code), layout.qr.size)),
        id_grid: page.idGrid ? gridView(page.idGrid) : undefined,
        rows: page.rows.map((row) => ({
          kind: row.kind,
          item: row.item,
          label_style: `left:${mm(row.label.x - 8)};top:${mm(row.label.y - 2.5)}`,
          bubbles: row.kind === 'choice' ? row.bubbles.map(bubbleView) : [],
          grid: row.kind === 'number' ? gridView(row.grid) : undefined,
          unit: row.kind === 'number' ? row.unit : undefined,
          unit_style:
            row.kind === 'number'
              ? at({
                  x: row.grid.boxes.at(-1)!.x + BOX.width + 2,
                  y: row.grid.boxes[0]!.y + 1,
                })
              : '',
          paper_style:
            row.kind === 'paper' ? `left:${mm(row.label.x + 2)};top:${mm(row.label.y - 2.2)}` : '',
        })),
      };
    }),
  };
}
