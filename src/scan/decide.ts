/**
 * From marks to answers, item by item, in the responses notation
 * (formats.md §5). Anything that is not clear (a doubtful mark, two marks
 * where one is allowed, a gap inside a number) becomes a doubt with the
 * reading it proposes; nothing is guessed.
 */
import type { ChoiceRow, DigitGrid, SheetPage } from '../sheet/layout-types.js';
import type { MeasuredBubble } from './bubbles.js';

export interface Reading {
  /** Item number, or "id" for the student-ID grid. */
  target: number | 'id';
  /** The answer in §5 notation; "" is unanswered. When doubtful: the proposal. */
  value: string;
  doubt?: string;
}

type Lookup = (bubble: { x: number; y: number }) => MeasuredBubble;

export function readPage(page: SheetPage, measured: readonly MeasuredBubble[]): Reading[] {
  const byBubble = new Map(measured.map((m) => [m.bubble, m]));
  const get: Lookup = (b) => byBubble.get(b as MeasuredBubble['bubble'])!;
  const readings: Reading[] = [];
  if (page.idGrid) readings.push(readId(page.idGrid, get));
  for (const row of page.rows) {
    if (row.kind === 'choice') readings.push(readChoice(row, get));
    if (row.kind === 'number') readings.push(readNumber(row.item, row.grid, get));
  }
  return readings;
}

function readChoice(row: ChoiceRow, get: Lookup): Reading {
  const marks = row.bubbles.map(get);
  const filled = marks.filter((m) => m.mark === 'filled').map((m) => m.bubble.value);
  const doubtful = marks.filter((m) => m.mark === 'doubtful').map((m) => m.bubble.value);
  const target = row.item;
  if (row.type === 'multiple') {
    if (doubtful.length === 0) return { target, value: filled.join('') };
    return {
      target,
      value: filled.join(''),
      doubt: `${listOf(doubtful)} ${doubtful.length === 1 ? 'is' : 'are'} only partly marked`,
    };
  }
  if (filled.length > 1)
    return {
      target,
      value: '',
      doubt: `${listOf(filled)} are all marked; only one answer is allowed`,
    };
  if (filled.length === 1 && doubtful.length === 0) return { target, value: filled[0]! };
  if (filled.length === 0 && doubtful.length === 0) return { target, value: '' };
  if (filled.length === 1)
    return {
      target,
      value: filled[0]!,
      doubt: `${filled[0]} is marked and ${listOf(doubtful)} partly marked (an erasure or a second answer?)`,
    };
  return {
    target,
    value: doubtful.length === 1 ? doubtful[0]! : '',
    doubt: `${listOf(doubtful)} ${doubtful.length === 1 ? 'is' : 'are'} only partly marked`,
  };
}

/** One digit per column: "" for an empty column, undefined when unclear. */
function readColumn(column: readonly MeasuredBubble[]): { digit: string; clear: boolean } {
  const filled = column.filter((m) => m.mark === 'filled');
  const doubtful = column.filter((m) => m.mark === 'doubtful');
  if (filled.length === 1 && doubtful.length === 0)
    return { digit: filled[0]!.bubble.value, clear: true };
  if (filled.length === 0 && doubtful.length === 0) return { digit: '', clear: true };
  const best = [...filled, ...doubtful].sort((a, b) => b.fill - a.fill)[0];
  return { digit: best?.bubble.value ?? '', clear: false };
}

function digits(grid: DigitGrid, get: Lookup) {
  return grid.columns.map((column) => readColumn(column.map(get)));
}

function readNumber(item: number, grid: DigitGrid, get: Lookup): Reading {
  const columns = digits(grid, get);
  const sign = grid.sign ? get(grid.sign) : undefined;
  const unclear = columns.some((c) => !c.clear) || sign?.mark === 'doubtful';
  const integerCount = columns.length - grid.decimals;
  const integer = columns.slice(0, integerCount).map((c) => c.digit);
  const decimals = columns.slice(integerCount).map((c) => c.digit);
  const text = integer.join('');
  const gapInside =
    /\d/.test(text) &&
    integer
      .join(',')
      .replace(/^(,)+|(,)+$/g, '')
      .split(',')
      .some((d) => d === '');
  const decimalText = decimals.join('');
  const negative = sign?.mark === 'filled' || (sign?.mark === 'doubtful' && sign.fill > 0.3);
  if (!text && !decimalText) {
    if (!unclear) return { target: item, value: '' };
  }
  let value = `${text || '0'}${decimalText ? `.${decimals.map((d) => d || '0').join('')}` : ''}`;
  value = String(Number(value));
  if (negative) value = `-${value}`;
  if (!text && !decimalText) value = '';
  if (unclear)
    return {
      target: item,
      value,
      doubt: 'some digits are not clearly marked (one bubble per column)',
    };
  if (gapInside) return { target: item, value, doubt: 'a column inside the number is left empty' };
  return { target: item, value };
}

function readId(grid: DigitGrid, get: Lookup): Reading {
  const columns = digits(grid, get);
  const value = columns.map((c) => c.digit).join('');
  const inner = columns
    .map((c) => c.digit)
    .join(',')
    .replace(/^(,)+|(,)+$/g, '');
  if (columns.some((c) => !c.clear))
    return {
      target: 'id',
      value,
      doubt: 'some ID digits are not clearly marked (one bubble per column)',
    };
  if (!value)
    return {
      target: 'id',
      value,
      doubt:
        "no student ID is marked on this sheet; write the student's ID (digits, in quotes), or leave it and the sheet is graded as a copy of its own, under its version letter",
    };
  if (inner.split(',').some((d) => d === ''))
    return { target: 'id', value, doubt: 'a column inside the student ID is left empty' };
  return { target: 'id', value };
}

function listOf(values: readonly string[]): string {
  return values.length <= 1
    ? (values[0] ?? '')
    : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}
