/**
 * The answer sheet's geometry, in millimetres from the page's top-left
 * corner. It is the one description of where everything sits: the template
 * prints from it and the scanner reads from it, so reading never guesses
 * the layout. A layout is a pure function of the copy (and the paper), and
 * the scanner recomputes it from the copy it regenerates from the sheet code.
 */
import type { CopyItem, QuizCopy } from '../quiz/copy.js';
import type { Paper } from '../quiz/blueprint.js';

export interface Point {
  x: number;
  y: number;
}

/** What a filled bubble means: an option letter, T/F, a digit or the minus sign. */
export interface Bubble extends Point {
  value: string;
}

export interface ChoiceRow {
  kind: 'choice';
  item: number;
  type: 'single' | 'multiple' | 'true-false';
  /** Where the item number is printed (its right edge, vertically centred). */
  label: Point;
  bubbles: Bubble[];
}

/** A number written in boxes, then one bubble filled per column. */
export interface DigitGrid {
  /** Top-left of the first box; boxes are BOX wide, one per column. */
  boxes: Point[];
  /** columns[c][d] is digit d of column c. */
  columns: Bubble[][];
  /** The "−" bubble, only where a negative answer is possible. */
  sign?: Bubble;
  /** How many of the columns are after the decimal point (0: none printed). */
  decimals: number;
}

export interface NumberRow {
  kind: 'number';
  item: number;
  label: Point;
  grid: DigitGrid;
  unit?: string;
}

/** Items a machine cannot read: listed so the numbering stays complete. */
export interface PaperRow {
  kind: 'paper';
  item: number;
  label: Point;
}

export type SheetRow = ChoiceRow | NumberRow | PaperRow;

export interface SheetPage {
  /** 1-based page of the sheet; `pages` pages in all. */
  page: number;
  pages: number;
  rows: SheetRow[];
  /** The student-ID grid, on every page of a copy that carries no name. */
  idGrid?: DigitGrid;
}

export interface SheetLayout {
  paper: Paper;
  width: number;
  height: number;
  /** Corner mark centres: top-left, top-right, bottom-right, bottom-left. */
  marks: [Point, Point, Point, Point];
  /** Top-left of the QR code (quiet zone included) and its side. */
  qr: Point & { size: number };
  pages: SheetPage[];
}

export const PAPER_MM: Record<Paper, { width: number; height: number }> = {
  letter: { width: 215.9, height: 279.4 },
  a4: { width: 210, height: 297 },
};

/** Solid square corner marks; the inset keeps them clear of any printer's unprintable edge. */
export const MARK_SIZE = 6;
export const MARK_INSET = 12;
export const QR_SIZE = 26;
export const BUBBLE_RADIUS = 2.1;
/** Writing boxes above a digit grid. */
export const BOX = { width: 4.8, height: 6 };

const MARGIN = 20;
const HEADER_BOTTOM = 48;
const FOOTER = 24;
const COLUMNS = 3;
const ROW = 6.4;
const LABEL_WIDTH = 9;
const CHOICE_PITCH = 6.6;
const DIGIT_PITCH_X = 5.6;
const DIGIT_PITCH_Y = 5.2;
/** At most this many options fit a column; longer questions are answered on the paper. */
export const MAX_CHOICES = 7;

/**
 * Top-left of the note beside the student-ID grid (render/answer-sheet.ts);
 * its first line is where a pupil writes their name.
 */
export const ID_NOTE = { x: 64, y: 52 };

/**
 * Where a pupil's handwritten name lies on a sheet `width` mm wide: above
 * the name line, right of its "Name" label, clear of the rule itself. The
 * scanner looks there for handwriting (see scan/rescans.ts).
 */
export function nameArea(width: number): { x: number; y: number; width: number; height: number } {
  const x = ID_NOTE.x + 11;
  return { x, y: ID_NOTE.y - 2, width: width - MARGIN - 4 - x, height: 5.8 };
}

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

/** Integer and decimal columns, and a sign, wide enough for any answer near the key's. */
export function numberFormat(answer: number, tolerance: number) {
  const decimalsOf = (n: number) => (String(n).split('.')[1] ?? '').length;
  const decimals = Math.min(3, Math.max(decimalsOf(answer), decimalsOf(tolerance)));
  const largest = Math.floor(Math.abs(answer) + tolerance);
  // Never fewer than four integer columns, so the grid does not give away the answer's size.
  const integers = Math.max(4, String(largest).length + 1);
  return { integers, decimals, signed: answer - tolerance < 0 };
}

/** Corner mark centres: top-left, top-right, bottom-right, bottom-left. */
export function markCentres(paper: Paper): SheetLayout['marks'] {
  const { width, height } = PAPER_MM[paper];
  const c = MARK_INSET;
  return [
    { x: c, y: c },
    { x: width - c, y: c },
    { x: width - c, y: height - c },
    { x: c, y: height - c },
  ];
}

/** The QR code's place: top right, below the corner mark. */
export function qrPlace(paper: Paper): SheetLayout['qr'] {
  return { x: PAPER_MM[paper].width - MARGIN - QR_SIZE, y: 16, size: QR_SIZE };
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

/** Boxes on top, then rows 0-9; `x`, `y` is the top-left of the first box. */
function digitGrid(
  x: number,
  y: number,
  count: number,
  decimals: number,
  signed: boolean,
): DigitGrid {
  const boxes: Point[] = [];
  const columns: Bubble[][] = [];
  for (let c = 0; c < count; c++) {
    // A gap for the printed decimal point before the first decimal column.
    const cx = x + c * DIGIT_PITCH_X + (decimals > 0 && c >= count - decimals ? 2 : 0);
    boxes.push({ x: cx, y });
    columns.push(
      Array.from({ length: 10 }, (_, d) => ({
        value: String(d),
        x: cx + BOX.width / 2,
        y: y + BOX.height + 1.5 + BUBBLE_RADIUS + d * DIGIT_PITCH_Y,
      })),
    );
  }
  return {
    boxes,
    columns,
    decimals,
    ...(signed
      ? {
          sign: {
            value: '-',
            x: x - DIGIT_PITCH_X + BOX.width / 2,
            y: y + BOX.height + 1.5 + BUBBLE_RADIUS,
          },
        }
      : {}),
  };
}

function gridHeight(): number {
  return BOX.height + 1.5 + 10 * DIGIT_PITCH_Y + 1;
}

function numberBlockHeight(): number {
  return gridHeight() + 3;
}

function idGridHeight(): number {
  return gridHeight() + 6;
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
