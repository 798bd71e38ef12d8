/** Partial credit, type by type (the rules of docs/grading.md). */
import { describe, expect, test } from 'vitest';
import type { Option, Presentation } from '../../src/quiz/copy.js';
import { credit, multipleCredit, orderingCredit, withinTolerance } from '../../src/grade/score.js';
import type { Answer } from '../../src/grade/answers.js';

const options = (texts: string[], correct: string[]): Option[] =>
  texts.map((text, i) => ({
    letter: 'ABCDEFG'[i]!,
    text,
    correct: correct.includes('ABCDEFG'[i]!),
  }));

describe('right/wrong types', () => {
  const single: Presentation = {
    type: 'single',
    options: options(['a', 'b', 'c', 'd'], ['C']),
    correct: 'C',
  };
  test('single choice', () => {
    expect(credit(single, { type: 'single', letter: 'C' }, 1)).toBe(1);
    expect(credit(single, { type: 'single', letter: 'A' }, 1)).toBe(0);
    expect(credit(single, null, 1)).toBe(0);
  });
  test('true or false', () => {
    const tf: Presentation = { type: 'true-false', correct: false };
    expect(credit(tf, { type: 'true-false', value: false }, 1)).toBe(1);
    expect(credit(tf, { type: 'true-false', value: true }, 1)).toBe(0);
  });
  test('short answers match like the key: case, surrounding space and punctuation ignored', () => {
    const short: Presentation = {
      type: 'short',
      answer: 'NATO headquarters',
      accept: ['NATO HQ'],
      width: 20,
    };
    const s = (text: string) => credit(short, { type: 'short', text }, 1);
    expect(s('nato headquarters')).toBe(1);
    expect(s('  NATO Headquarters. ')).toBe(1);
    expect(s('"NATO HQ"')).toBe(1);
    expect(s('Brussels')).toBe(0);
    expect(s('...')).toBe(0);
  });
  test('numeric within the tolerance, inclusive', () => {
    const numeric: Presentation = { type: 'numeric', answer: 2014, tolerance: 1 };
    const n = (value: number) => credit(numeric, { type: 'numeric', value }, 1);
    expect([n(2013), n(2014), n(2015), n(2016), n(2012.5)]).toEqual([1, 1, 1, 0, 0]);
    expect(withinTolerance(0.1 + 0.2, 0.3, 0)).toBe(true);
  });
});

describe('multiple choice with several answers', () => {
  // 5 options, 2 correct (B, D), 3 wrong: each right letter earns 1/2, each wrong one costs 1/3.
  const p: Presentation = {
    type: 'multiple',
    options: options(['a', 'b', 'c', 'd', 'e'], ['B', 'D']),
    correct: ['B', 'D'],
  };
  const m = (letters: string[]) => credit(p, { type: 'multiple', letters }, 2);
  test.each([
    [['B', 'D'], 1],
    [['B'], 0.5],
    [['B', 'D', 'A'], 1 - 1 / 3],
    [['B', 'A'], 0.5 - 1 / 3],
    [['B', 'A', 'C'], 0], // 1/2 − 2/3 < 0: floored at 0
    [['A', 'B', 'C', 'D', 'E'], 0], // ticking everything earns nothing
    [[], 0],
  ])('%j earns %d of the points', (letters, expected) => {
    expect(m(letters)).toBeCloseTo(expected, 12);
  });
  test('with no wrong options to choose there is no penalty', () => {
    expect(multipleCredit(['A'], ['A', 'B'], 2)).toBe(0.5);
  });
});

describe('matching, cloze and ordering: a share of the parts', () => {
  test('matching: the share of left-hand items matched correctly', () => {
    const p: Presentation = {
      type: 'matching',
      left: [
        { number: 1, text: 'x', correct: 'B' },
        { number: 2, text: 'y', correct: 'C' },
        { number: 3, text: 'z', correct: 'A' },
      ],
      right: options(['r1', 'r2', 'r3', 'r4'], ['A', 'B', 'C']),
    };
    const pairs = (entries: [number, string][]): Answer => ({
      type: 'matching',
      pairs: new Map(entries),
    });
    expect(
      credit(
        p,
        pairs([
          [1, 'B'],
          [2, 'C'],
          [3, 'A'],
        ]),
        3,
      ),
    ).toBe(1);
    expect(
      credit(
        p,
        pairs([
          [1, 'B'],
          [2, 'A'],
          [3, 'D'],
        ]),
        3,
      ),
    ).toBeCloseTo(1 / 3, 12);
    // A number left out is simply not earned.
    expect(
      credit(
        p,
        pairs([
          [1, 'B'],
          [3, 'A'],
        ]),
        3,
      ),
    ).toBeCloseTo(2 / 3, 12);
  });

  test('cloze: the share of blanks right, each matched like a short answer', () => {
    const p: Presentation = {
      type: 'cloze',
      parts: [],
      answers: [['chemical'], ['Syria'], ['experts', 'specialists']],
    };
    const c = (blanks: string[]) => credit(p, { type: 'cloze', blanks }, 3);
    expect(c(['Chemical', 'syria', 'specialists'])).toBe(1);
    expect(c(['chemical', '', 'experts.'])).toBeCloseTo(2 / 3, 12);
    expect(c(['nuclear', 'Iran', 'spies'])).toBe(0);
  });

  test('ordering: the share of neighbouring pairs kept together in the right order', () => {
    // Correct order A B C D has three neighbouring pairs: AB, BC, CD.
    expect(orderingCredit([...'ABCD'], 'ABCD')).toBe(1);
    expect(orderingCredit([...'BCDA'], 'ABCD')).toBeCloseTo(2 / 3, 12); // BC, CD kept
    expect(orderingCredit([...'ACBD'], 'ABCD')).toBe(0); // no pair kept
    expect(orderingCredit([...'DCBA'], 'ABCD')).toBe(0); // reversed
    expect(orderingCredit([...'CDAB'], 'ABCD')).toBeCloseTo(2 / 3, 12); // AB, CD kept
    expect(orderingCredit([...'AB'], 'ABCD')).toBeCloseTo(1 / 3, 12); // unfinished: AB only
  });
});

test('essay: the points written in the cell', () => {
  const p: Presentation = { type: 'essay', lines: 8, guidance: [] };
  expect(credit(p, { type: 'essay', points: 3 }, 4)).toBe(0.75);
  expect(credit(p, { type: 'essay', points: 0 }, 4)).toBe(0);
  expect(credit(p, null, 4)).toBe(0);
});
