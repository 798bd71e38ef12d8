/**
 * The answer sheet's geometry, in millimetres from the page's top-left
 * corner. It is the one description of where everything sits: the template
 * prints from it and the scanner reads from it, so reading never guesses
 * the layout. A layout is a pure function of the copy (and the paper), and
 * the scanner recomputes it from the copy it regenerates from the sheet code.
 */
import type { CopyItem, QuizCopy } from '../quiz/copy.js';
import {
  BOX,
  BUBBLE_RADIUS,
  DIGIT_PITCH_X,
  digitGrid,
  idGridHeight,
  numberBlockHeight,
  numberFormat,
} from './digit-grid.js';
import type {
  Bubble,
  ChoiceRow,
  DigitGrid,
  SheetLayout,
  SheetPage,
  SheetRow,
} from './layout-types.js';
import { MARGIN, PAPER_MM, markCentres, qrPlace } from './page-marks.js';

const HEADER_BOTTOM = 48;
const FOOTER = 24;
const COLUMNS = 3;
const ROW = 6.4;
const LABEL_WIDTH = 9;
const CHOICE_PITCH = 6.6;
/** At most this many options fit a column; longer questions are answered on the paper. */
export const MAX_CHOICES = 7;

export interface LayoutOptions {
  /** Digits of the student-ID grid on copies without a name (versions A, B, ...). */
  idDigits: number;
}

/** The question types a sheet can carry as bubbles. */
export function bubbleType(item: CopyItem): SheetRow['kind'] {
  const p = item.presentation;
  if (p.type === 'single' || p.type === 'multiple')
    return p.options.length <= MAX_CHOICES ? 'choice' : 'paper';
  if (p.type === 'true-false') return 'choice';
  if (p.type === 'numeric') return 'number';
  return 'paper';
}

export function sheetLayout(copy: QuizCopy, options: LayoutOptions): SheetLayout {
  const { width, height } = PAPER_MM[copy.paper];
  const marks = markCentres(copy.paper);
  const qr = qrPlace(copy.paper);
  const withId = !copy.student;
  const columnWidth = (width - 2 * MARGIN) / COLUMNS;
  const idHeight = withId ? idGridHeight() : 0;
  const top = HEADER_BOTTOM + idHeight;
  const bottom = height - FOOTER;

  const pages: { rows: SheetRow[] }[] = [{ rows: [] }];
  let column = 0;
  let y = top;
  for (const item of copy.items) {
    const kind = bubbleType(item);
    const blockHeight = kind === 'number' ? numberBlockHeight() : ROW;
    if (y + blockHeight > bottom) {
      column++;
      y = top;
      if (column === COLUMNS) {
        pages.push({ rows: [] });
        column = 0;
      }
    }
    const x = MARGIN + column * columnWidth;
    pages.at(-1)!.rows.push(placeRow(item, kind, x, y));
    y += blockHeight;
  }
  return {
    paper: copy.paper,
    width,
    height,
    marks,
    qr,
    pages: pages.map((p, i) => ({
      page: i + 1,
      pages: pages.length,
      rows: p.rows,
      ...(withId
        ? {
            idGrid: digitGrid(MARGIN + LABEL_WIDTH, HEADER_BOTTOM + 2, options.idDigits, 0, false),
          }
        : {}),
    })),
  };
}

function placeRow(item: CopyItem, kind: SheetRow['kind'], x: number, y: number): SheetRow {
  const label = { x: x + LABEL_WIDTH - 2, y: y + ROW / 2 };
  const p = item.presentation;
  if (kind === 'number' && p.type === 'numeric') {
    const format = numberFormat(p.answer, p.tolerance);
    const grid = digitGrid(
      x + LABEL_WIDTH + (format.signed ? DIGIT_PITCH_X : 0),
      y + 1,
      format.integers + format.decimals,
      format.decimals,
      format.signed,
    );
    return {
      kind: 'number',
      item: item.number,
      label: { x: label.x, y: y + 1 + BOX.height / 2 },
      grid,
      ...(p.unit === undefined ? {} : { unit: p.unit }),
    };
  }
  if (kind === 'choice' && p.type !== 'numeric') {
    const values =
      p.type === 'true-false'
        ? ['T', 'F']
        : p.type === 'single' || p.type === 'multiple'
          ? p.options.map((o) => o.letter)
          : [];
    const bubbles = values.map((value, i) => ({
      value,
      x: x + LABEL_WIDTH + BUBBLE_RADIUS + 1 + i * CHOICE_PITCH,
      y: y + ROW / 2,
    }));
    return {
      kind: 'choice',
      item: item.number,
      type: p.type as ChoiceRow['type'],
      label,
      bubbles,
    };
  }
  return { kind: 'paper', item: item.number, label };
}

/** Every bubble of a page, with what it belongs to: for the scanner and for tests. */
export function pageBubbles(page: SheetPage): { target: 'id' | number; bubble: Bubble }[] {
  const out: { target: 'id' | number; bubble: Bubble }[] = [];
  const grid = (target: 'id' | number, g: DigitGrid) => {
    if (g.sign) out.push({ target, bubble: g.sign });
    for (const column of g.columns) for (const bubble of column) out.push({ target, bubble });
  };
  if (page.idGrid) grid('id', page.idGrid);
  for (const row of page.rows) {
    if (row.kind === 'choice')
      for (const bubble of row.bubbles) out.push({ target: row.item, bubble });
    if (row.kind === 'number') grid(row.item, row.grid);
  }
  return out;
}
