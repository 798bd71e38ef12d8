/**
 * The shapes of an answer sheet's layout, in millimetres from the page's
 * top-left corner: what layout.ts computes, the template prints and the
 * scanner reads.
 */
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
