/**
 * Reading one response cell in the notation of formats.md §5, checked
 * against the item it answers on that copy (how many options, blanks,
 * pairs, points). A cell either reads as an answer or yields a message
 * saying what is wrong and how to write it; scoring never sees bad input.
 */
import type { CopyItem, Presentation } from '../quiz/copy.js';
import { letter, letterIndex } from '../util/text.js';

export type Answer =
  | { type: 'single'; letter: string }
  | { type: 'multiple'; letters: string[] }
  | { type: 'true-false'; value: boolean }
  | { type: 'short'; text: string }
  | { type: 'numeric'; value: number }
  | { type: 'cloze'; blanks: string[] }
  /** Left-hand number → chosen right-hand letter; numbers left out are unanswered. */
  | { type: 'matching'; pairs: Map<number, string> }
  | { type: 'ordering'; letters: string[] }
  | { type: 'essay'; points: number };

/** `null` is an empty cell: the item was not answered. */
export type ReadResult = { ok: true; answer: Answer | null } | { ok: false; message: string };

const fail = (message: string): ReadResult => ({ ok: false, message });
const ok = (answer: Answer | null): ReadResult => ({ ok: true, answer });

export function readAnswer(item: CopyItem, cell: string): ReadResult {
  const text = cell.trim();
  if (text === '') return ok(null);
  const p = item.presentation;
  switch (p.type) {
    case 'single':
      return readSingle(text, p.options.length);
    case 'multiple':
      return readMultiple(text, p.options.length);
    case 'true-false':
      return readTrueFalse(text);
    case 'short':
      return ok({ type: 'short', text });
    case 'numeric':
      return readNumeric(text, p.unit);
    case 'cloze':
      return readCloze(text, p.answers.length);
    case 'matching':
      return readMatching(text, p);
    case 'ordering':
      return readOrdering(text, p.options.length);
    case 'essay':
      return readEssay(text, item.points);
  }
}

/** "A–D", or "A and B" when there are only two. */
export function letterRange(count: number): string {
  if (count <= 1) return 'A';
  return count === 2 ? 'A and B' : `A–${letter(count - 1)}`;
}

/** Letters in a cell, ignoring spaces and commas: "a, c" → ["A", "C"]; undefined when something else is there. */
function lettersOf(text: string): string[] | undefined {
  const compact = text.toUpperCase().replace(/[\s,;]+/g, '');
  return /^[A-Z]+$/.test(compact) ? [...compact] : undefined;
}

function outOfRange(letters: string[], count: number): string[] {
  return [...new Set(letters.filter((l) => letterIndex(l) >= count))];
}

function quoted(items: string[]): string {
  return items.map((i) => `"${i}"`).join(', ');
}

function readSingle(text: string, count: number): ReadResult {
  const letters = lettersOf(text);
  if (!letters)
    return fail(`"${text}" is not a choice letter; write one letter, ${letterRange(count)}`);
  if (letters.length > 1)
    return fail(
      `"${text}" has ${letters.length} letters, but this item takes one answer; write one letter, ${letterRange(count)}`,
    );
  const bad = outOfRange(letters, count);
  if (bad.length)
    return fail(`"${text}" is not an option: this item has options ${letterRange(count)}`);
  return ok({ type: 'single', letter: letters[0]! });
}

function readMultiple(text: string, count: number): ReadResult {
  const letters = lettersOf(text);
  if (!letters)
    return fail(
      `"${text}" is not a set of choice letters; write the letters chosen, e.g. "AC", from ${letterRange(count)}`,
    );
  const bad = outOfRange(letters, count);
  if (bad.length)
    return fail(
      `${quoted(bad)} ${bad.length === 1 ? 'is not an option' : 'are not options'}: this item has options ${letterRange(count)}`,
    );
  // A letter written twice is still one choice; order does not matter.
  return ok({ type: 'multiple', letters: [...new Set(letters)].sort() });
}

function readTrueFalse(text: string): ReadResult {
  const word = text.toUpperCase();
  if (word === 'T' || word === 'TRUE') return ok({ type: 'true-false', value: true });
  if (word === 'F' || word === 'FALSE') return ok({ type: 'true-false', value: false });
  return fail(`"${text}" is not true or false; write T or F`);
}

/**
 * A plain number; commas are accepted only as thousands separators
 * ("1,200") because "1,5" could mean 1.5 or 15. The question's unit may
 * follow the number ("12 helicopters").
 */
export function parseNumber(text: string, unit?: string): number | undefined {
  let body = text.trim();
  if (unit !== undefined && body.toLowerCase().endsWith(unit.toLowerCase()))
    body = body.slice(0, -unit.length).trim();
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(body) || !/\d/.test(body)) return undefined;
  return Number(body.replace(/,/g, ''));
}

function readNumeric(text: string, unit: string | undefined): ReadResult {
  const value = parseNumber(text, unit);
  if (value === undefined)
    return fail(`"${text}" is not a number; write digits with a decimal point, e.g. 12 or 3.5`);
  return ok({ type: 'numeric', value });
}

function readCloze(text: string, blanks: number): ReadResult {
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length !== blanks) {
    return fail(
      `the cell has ${parts.length} ${parts.length === 1 ? 'answer' : 'answers separated by |'}, but this item has ${blanks} blanks; write one answer per blank separated by |, leaving an unanswered blank empty (e.g. "a||c")`,
    );
  }
  return ok({ type: 'cloze', blanks: parts });
}

function readMatching(text: string, p: Extract<Presentation, { type: 'matching' }>): ReadResult {
  const format = `write each pair as a number and a letter, e.g. "1B 2A 3C", with numbers 1–${p.left.length} and letters ${letterRange(p.right.length)}`;
  const upper = text.toUpperCase();
  // "1B 2A", "1-B, 2-A" and "1 B; 2 A" all read the same.
  const PAIR = /(\d+)\s*[-:=.)]?\s*([A-Z])(?![A-Z])/g;
  const leftover = upper.replace(PAIR, '').replace(/[\s,;]+/g, '');
  if (leftover !== '') return fail(`"${text}" is not a list of pairs; ${format}`);
  const pairs = new Map<number, string>();
  const problems: string[] = [];
  for (const match of upper.matchAll(PAIR)) {
    const number = Number(match[1]);
    const chosen = match[2]!;
    if (number < 1 || number > p.left.length)
      problems.push(`there is no number ${number} (the item has 1–${p.left.length})`);
    else if (letterIndex(chosen) >= p.right.length)
      problems.push(`"${chosen}" is not an option (the item has ${letterRange(p.right.length)})`);
    else if (pairs.has(number)) problems.push(`number ${number} is matched twice`);
    else pairs.set(number, chosen);
  }
  if (problems.length) return fail(`${problems.join('; ')}; ${format}`);
  return ok({ type: 'matching', pairs });
}

function readOrdering(text: string, count: number): ReadResult {
  const letters = lettersOf(text);
  const format = `write the letters ${letterRange(count)} in the order given, e.g. "${Array.from({ length: count }, (_, i) => letter(count - 1 - i)).join('')}"`;
  if (!letters) return fail(`"${text}" is not a sequence of letters; ${format}`);
  const bad = outOfRange(letters, count);
  if (bad.length)
    return fail(
      `${quoted(bad)} ${bad.length === 1 ? 'is not an item' : 'are not items'} of this ordering; ${format}`,
    );
  const repeated = [...new Set(letters.filter((l, i) => letters.indexOf(l) !== i))];
  if (repeated.length)
    return fail(
      `${quoted(repeated)} ${repeated.length === 1 ? 'appears' : 'appear'} more than once; each item has one place, so ${format}`,
    );
  return ok({ type: 'ordering', letters });
}

function readEssay(text: string, points: number): ReadResult {
  const value = parseNumber(text);
  if (value === undefined || value < 0 || value > points) {
    return fail(
      `"${text}" is not a mark for this essay: write the points awarded, a number from 0 to ${points}`,
    );
  }
  return ok({ type: 'essay', points: value });
}
