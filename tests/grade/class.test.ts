/**
 * A small class graded end to end (responses file → copies → scores →
 * analysis), checked against values worked out by hand below. Students
 * sit versions A and B, whose items are in different orders, so the
 * analysis must put each question's answers together by question id.
 */
import { describe, expect, test } from 'vitest';
import { analyseClass, type ItemAnalysis } from '../../src/grade/analysis.js';
import { passageResults } from '../../src/grade/passages.js';
import { readResponses } from '../../src/grade/responses.js';
import { scoreSheet } from '../../src/grade/score.js';
import { fixtureContent, fixtureCopies, responsesCsv, rowFor } from './helpers.js';

// The hand-computed class: 6 students, 5 right/wrong items (1 point each).
//
//            i1 i2 i3 i4 i5 | total  version
//   S1        1  1  1  1  1 |   5      A
//   S2        1  1  1  1  0 |   4      B
//   S3        1  1  1  0  0 |   3      A
//   S4        1  1  0  0  1 |   3      B
//   S5        1  0  0  1  0 |   2      A
//   S6        0  0  1  0  0 |   1      B
const ITEMS = [
  'g-caption',
  'g-interceptors',
  'g-still-guarantees',
  'g-where-reporters',
  'g-withdrawal-year',
];
const CLASS: { id: string; version: string; marks: number[] }[] = [
  { id: 'S1', version: 'A', marks: [1, 1, 1, 1, 1] },
  { id: 'S2', version: 'B', marks: [1, 1, 1, 1, 0] },
  { id: 'S3', version: 'A', marks: [1, 1, 1, 0, 0] },
  { id: 'S4', version: 'B', marks: [1, 1, 0, 0, 1] },
  { id: 'S5', version: 'A', marks: [1, 0, 0, 1, 0] },
  { id: 'S6', version: 'B', marks: [0, 0, 1, 0, 0] },
];

async function gradeClass() {
  const copies = await fixtureCopies('grade-five');
  const rows = CLASS.map((s) =>
    rowFor(s.id, copies.byVersion.get(s.version)!, (q) => s.marks[ITEMS.indexOf(q)] === 1),
  );
  const read = readResponses('/virtual/responses.csv', responsesCsv(rows), copies);
  expect(read.problems.items).toEqual([]);
  const scored = read.sheets.map(scoreSheet);
  return { copies, scored, analysis: analyseClass(scored, copies.versions) };
}

function item(items: ItemAnalysis[], id: string): ItemAnalysis {
  return items.find((i) => i.question.id === id)!;
}

describe('a hand-computed class of six', () => {
  test('the two versions really order the items differently', async () => {
    const { copies } = await gradeClass();
    const order = (v: string) => copies.byVersion.get(v)!.items.map((i) => i.question.id);
    expect(order('A')).not.toEqual(order('B'));
    expect([...order('A')].sort()).toEqual([...order('B')].sort());
  });

  test('totals and the summary', async () => {
    const { scored, analysis } = await gradeClass();
    expect(scored.map((s) => s.total)).toEqual([5, 4, 3, 3, 2, 1]);
    // Mean 18/6 = 3; median of 1,2,3,3,4,5 = (3+3)/2 = 3.
    // SD with n−1: deviations −2..2 → squares 4,1,0,0,1,4 = 10; √(10/5) = √2.
    expect(analysis.summary.mean).toBe(3);
    expect(analysis.summary.median).toBe(3);
    expect(analysis.summary.sd).toBeCloseTo(Math.SQRT2, 10);
    expect(analysis.summary.meanPercent).toBeCloseTo(60, 10);
    // 100%, 80%, 60%, 60%, 40%, 20%: bands 90–100, 80–89, 60–69 (2), 40–49, 20–29.
    expect(
      analysis.summary.distribution.filter((d) => d.count > 0).map((d) => [d.from, d.count]),
    ).toEqual([
      [20, 1],
      [40, 1],
      [60, 2],
      [80, 1],
      [90, 1],
    ]);
  });

  test('facility: the share of students right on each question, across versions', async () => {
    const { analysis } = await gradeClass();
    // i1 5/6, i2 4/6, i3 4/6, i4 3/6, i5 2/6.
    expect(ITEMS.map((id) => item(analysis.items, id).facility)).toEqual(
      [5 / 6, 4 / 6, 4 / 6, 3 / 6, 2 / 6].map((x) => expect.closeTo(x, 12)),
    );
    expect(ITEMS.map((id) => item(analysis.items, id).students)).toEqual([6, 6, 6, 6, 6]);
  });

  test('discrimination: corrected point-biserial (item against the rest of the test)', async () => {
    const { analysis } = await gradeClass();
    // r = Sxr / √(Sxx·Srr), with Sxy = Σxy − N·x̄·ȳ and rest = total − item.
    //
    // i1: x = 1 1 1 1 1 0, rest = 4 3 2 2 1 1 (x̄ = 5/6, r̄ = 13/6)
    //     Sxr = 12 − 6·(5/6)(13/6) = 12 − 65/6 = 7/6
    //     Sxx = 5 − 6·(25/36) = 5/6;  Srr = 35 − 6·(169/36) = 41/6
    //     r = (7/6) / √(5/6 · 41/6) = 7/√205 ≈ 0.4889
    // i2: x = 1 1 1 1 0 0, rest = 4 3 2 2 2 1 (x̄ = 2/3, r̄ = 7/3)
    //     Sxr = 11 − 28/3 = 5/3;  Sxx = 4/3;  Srr = 38 − 98/3 = 16/3
    //     r = (5/3) / (8/3) = 0.625
    // i3: x = 1 1 1 0 0 1, rest = 4 3 2 3 2 0 (x̄ = 2/3, r̄ = 7/3)
    //     Sxr = 9 − 28/3 = −1/3;  Sxx = 4/3;  Srr = 42 − 98/3 = 28/3
    //     r = (−1/3) / (√112/3) = −1/√112 ≈ −0.0945
    // i4: x = 1 1 0 0 1 0, rest = 4 3 3 3 1 1 (x̄ = 1/2, r̄ = 5/2)
    //     Sxr = 8 − 7.5 = 0.5;  Sxx = 1.5;  Srr = 45 − 37.5 = 7.5
    //     r = 0.5 / √11.25 ≈ 0.1491
    // i5: x = 1 0 0 1 0 0, rest = 4 4 3 2 2 1 (x̄ = 1/3, r̄ = 8/3)
    //     Sxr = 6 − 16/3 = 2/3;  Sxx = 4/3;  Srr = 50 − 128/3 = 22/3
    //     r = (2/3) / (√88/3) = 2/√88 ≈ 0.2132
    const expected = [
      7 / Math.sqrt(205),
      0.625,
      -1 / Math.sqrt(112),
      0.5 / Math.sqrt(11.25),
      2 / Math.sqrt(88),
    ];
    expect(ITEMS.map((id) => item(analysis.items, id).discrimination)).toEqual(
      expected.map((x) => expect.closeTo(x, 10)),
    );
  });

  test('discrimination: upper minus lower 27%', async () => {
    const { analysis } = await gradeClass();
    // 27% of 6 = 1.62 → groups of 2. Upper: S1 (5), S2 (4). Lower: S6 (1), S5 (2).
    // i1: 2/2 − 1/2 = 0.5    i2: 2/2 − 0/2 = 1    i3: 2/2 − 1/2 = 0.5
    // i4: 2/2 − 1/2 = 0.5    i5: 1/2 − 0/2 = 0.5
    expect(ITEMS.map((id) => item(analysis.items, id).upperLower)).toEqual([0.5, 1, 0.5, 0.5, 0.5]);
  });

  test('KR-20, and alpha equal to it when every item is right/wrong', async () => {
    const { analysis } = await gradeClass();
    // p = 5/6, 4/6, 4/6, 3/6, 2/6 → p·q = 5/36, 8/36, 8/36, 9/36, 8/36; Σpq = 38/36.
    // Totals 5 4 3 3 2 1: mean 3, population variance (4+1+0+0+1+4)/6 = 10/6 = 60/36.
    // KR-20 = k/(k−1) · (1 − Σpq/σ²) = 5/4 · (1 − 38/60) = 5/4 · 22/60 = 11/24 ≈ 0.4583.
    expect(analysis.reliability.kr20).toBeCloseTo(11 / 24, 12);
    expect(analysis.reliability.alpha).toBeCloseTo(11 / 24, 12);
    expect(analysis.reliability.note).toBeUndefined();
  });

  test('flags: negative and low discrimination; nothing on sound items', async () => {
    const { analysis } = await gradeClass();
    const flags = (id: string) => item(analysis.items, id).flags.map((f) => f.code);
    expect(flags('g-caption')).toEqual([]);
    expect(flags('g-interceptors')).toEqual([]);
    expect(flags('g-still-guarantees')).toEqual(['negative-discrimination']);
    expect(flags('g-where-reporters')).toEqual(['low-discrimination']);
    // Facility 1/3 is above the 0.3 line and r ≈ 0.21 above 0.2.
    expect(flags('g-withdrawal-year')).toEqual([]);
  });

  test('the item table follows version A and gives positions on every version', async () => {
    const { analysis, copies } = await gradeClass();
    expect(analysis.items.map((i) => i.question.id)).toEqual(
      copies.byVersion.get('A')!.items.map((i) => i.question.id),
    );
    const numberOn = (v: string, id: string) =>
      copies.byVersion.get(v)!.items.find((i) => i.question.id === id)!.number;
    expect(item(analysis.items, 'g-caption').positions).toEqual([
      { version: 'A', number: numberOn('A', 'g-caption') },
      { version: 'B', number: numberOn('B', 'g-caption') },
    ]);
  });

  test('per passage: facility of the questions keyed to each paragraph, weakest first', async () => {
    const { analysis } = await gradeClass();
    const content = await fixtureContent();
    const passages = passageResults(analysis.items, content.corpus);
    // p12 (i5) 2/6, p3 (i4) 3/6, p2 (i3) 4/6, p6 (i2) 4/6, p1 (i1) 5/6; ties in paragraph order.
    expect(passages.map((p) => [p.paragraph, p.facility])).toEqual([
      [12, expect.closeTo(2 / 6, 12)],
      [3, expect.closeTo(3 / 6, 12)],
      [2, expect.closeTo(4 / 6, 12)],
      [6, expect.closeTo(4 / 6, 12)],
      [1, expect.closeTo(5 / 6, 12)],
    ]);
    // Below 0.5 (less than half the points): re-teach. p3 at exactly 0.5 is not.
    expect(passages.filter((p) => p.reteach).map((p) => p.ref)).toEqual([
      'lavrov-studying-proposals-2013#p12',
    ]);
    // The first ten words, so the teacher can find the paragraph.
    expect(passages[0]!.opening).toBe(
      "NATO ministers also discussed NATO's planned withdrawal from Afghanistan in …",
    );
  });

  test('distractor counts are by option text, whatever letter each version gave it', async () => {
    const { analysis } = await gradeClass();
    // g-interceptors: S1 S2 S3 S4 right (Alaska); S5 and S6 chose the first wrong option of
    // their version, which may be a different text on A and B.
    const counts = item(analysis.items, 'g-interceptors').options!;
    expect(counts.options.find((o) => o.text === 'Alaska')).toEqual({
      text: 'Alaska',
      correct: true,
      count: 4,
    });
    expect(counts.options.filter((o) => !o.correct).reduce((n, o) => n + o.count, 0)).toBe(2);
    expect(counts.blank).toBe(0);
  });
});
