/**
 * Scoring one answer against the key of the copy it was written on. Each
 * rule gives a credit from 0 to 1 that is multiplied by the item's points;
 * docs/grading.md states the same rules for teachers.
 */
import type { CopyItem, Presentation } from '../quiz/copy.js';
import { answerKey, letterIndex } from '../util/text.js';
import type { Answer } from './answers.js';
import type { ResponseSheet } from './responses.js';

export interface ScoredItem {
  item: CopyItem;
  answer: Answer | null;
  /** Share of the item's points earned, 0..1. */
  credit: number;
  points: number;
}

export interface ScoredSheet {
  sheet: ResponseSheet;
  /** By position on the copy. */
  items: ScoredItem[];
  total: number;
  max: number;
}

export function scoreSheet(sheet: ResponseSheet): ScoredSheet {
  const items = sheet.copy.items.map((item, i): ScoredItem => {
    const answer = sheet.answers[i] ?? null;
    const c = credit(item.presentation, answer, item.points);
    return { item, answer, credit: c, points: c * item.points };
  });
  return {
    sheet,
    items,
    total: items.reduce((n, s) => n + s.points, 0),
    max: sheet.copy.totalPoints,
  };
}

/** Share of the item's points earned, 0..1. An unanswered item earns 0. */
export function credit(presentation: Presentation, answer: Answer | null, points: number): number {
  if (answer === null) return 0;
  const p = presentation;
  switch (p.type) {
    case 'single':
      return answer.type === 'single' && answer.letter === p.correct ? 1 : 0;
    case 'multiple':
      return answer.type === 'multiple'
        ? multipleCredit(answer.letters, p.correct, p.options.length)
        : 0;
    case 'true-false':
      return answer.type === 'true-false' && answer.value === p.correct ? 1 : 0;
    case 'short':
      return answer.type === 'short' && accepts([p.answer, ...p.accept], answer.text) ? 1 : 0;
    case 'numeric':
      return answer.type === 'numeric' && withinTolerance(answer.value, p.answer, p.tolerance)
        ? 1
        : 0;
    case 'cloze':
      return answer.type === 'cloze'
        ? share(p.answers.map((accepted, i) => accepts(accepted, answer.blanks[i] ?? '')))
        : 0;
    case 'matching':
      return answer.type === 'matching'
        ? share(p.left.map((l) => answer.pairs.get(l.number) === l.correct))
        : 0;
    case 'ordering':
      return answer.type === 'ordering' ? orderingCredit(answer.letters, p.correct) : 0;
    case 'essay':
      return answer.type === 'essay' && points > 0 ? answer.points / points : 0;
  }
}

/** Points earned on an item. */
export function scoreItem(item: CopyItem, answer: Answer | null): number {
  return credit(item.presentation, answer, item.points) * item.points;
}

function share(hits: boolean[]): number {
  return hits.length === 0 ? 0 : hits.filter(Boolean).length / hits.length;
}

/** Short answers and cloze blanks: the same loose matching as the key (case, spacing, punctuation ignored). */
export function accepts(accepted: readonly string[], given: string): boolean {
  const key = answerKey(given);
  return key !== '' && accepted.some((a) => answerKey(a) === key);
}

/** Inclusive tolerance, with room for binary rounding (0.1 + 0.2 is within 0 of 0.3). */
export function withinTolerance(value: number, answer: number, tolerance: number): boolean {
  return Math.abs(value - answer) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer));
}

/**
 * Several answers: the share of the correct letters chosen, minus the
 * share of the wrong letters chosen, never below 0. Ticking every box
 * (or none) earns nothing, and so does guessing, on average.
 */
export function multipleCredit(
  chosen: readonly string[],
  correct: readonly string[],
  optionCount: number,
): number {
  const right = chosen.filter((l) => correct.includes(l)).length;
  const wrong = chosen.filter((l) => !correct.includes(l) && letterIndex(l) < optionCount).length;
  const wrongOptions = optionCount - correct.length;
  const penalty = wrongOptions > 0 ? wrong / wrongOptions : 0;
  return Math.max(0, right / correct.length - penalty);
}

/**
 * Ordering: the share of neighbouring pairs of the correct order that the
 * student also wrote next to each other, in that order. One item moved to
 * the wrong end costs one or two pairs rather than every position after it,
 * and a reversed or shuffled order earns (next to) nothing.
 */
export function orderingCredit(given: readonly string[], correct: string): number {
  const key = [...correct];
  const pairs = key.length - 1;
  if (pairs <= 0) return given.join('') === correct ? 1 : 0;
  let kept = 0;
  for (let i = 0; i < pairs; i++) {
    const at = given.indexOf(key[i]!);
    if (at >= 0 && given[at + 1] === key[i + 1]) kept++;
  }
  return kept / pairs;
}
