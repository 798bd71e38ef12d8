/**
 * Version copies on paper, as a class hands them in: pupils who forgot to
 * mark their student ID, pupils who wrote in green or red pen, and a
 * teacher who scans more than once. One sheet is printed by real Chromium
 * and rasterised by poppler; each pupil's marks are drawn on it at the
 * positions of sheet/layout.ts, so every intended answer is known. Then
 * handout scan and handout grade, as the teacher runs them.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuizCopy } from '../../src/quiz/copy.js';
import { sheetLayout } from '../../src/sheet/layout.js';
import type { DigitGrid } from '../../src/sheet/layout-types.js';
import { runCli } from '../helpers/cli.js';
import { degrade, markPage, type Pen } from './pupils.js';
import { versionSheet } from './version-sheet.js';

const QUIZ = `id: paper-quiz
title: Paper Quiz
seed: 3
versions: 2
answer_sheet: { id_digits: 4 }
sections:
  - title: Choice
    pick: 8
    from: { types: [single] }
`;
const DPI = 150;
/** Inks as copiers see them: a green ballpoint, a red one. */
const GREEN = '#2e9e45';
const RED = '#c0262d';

let root: string;
let copy: QuizCopy;
let sheet: Buffer;

interface Pupil {
  file: string;
  id?: string;
  /** Letter marked, by item. */
  answers: Map<number, string>;
}
const pupils: Pupil[] = [];

const scan = (...args: string[]) => runCli(['scan', '--quiz', 'paper-quiz', ...args], root);
const reviewDir = () => path.join(root, 'out/scans/paper-quiz/review');
const responses = () =>
  parse(readFileSync(path.join(root, 'out/scans/paper-quiz/responses.csv'), 'utf8')) as string[][];

/** Marks a pupil's sheet (ID if given, one letter per item, chosen by `shift`) and saves the scan. */
async function hand(file: string, id: string | undefined, shift: number, ink?: string) {
  const layout = sheetLayout(copy, { idDigits: 4 }).pages[0]!;
  const pens: Pen[] = [];
  const answers = new Map<number, string>();
  const digits = (grid: DigitGrid, text: string) =>
    [...text].forEach((d, c) =>
      pens.push({ bubble: grid.columns[c]![Number(d)]!, stroke: 'full' }),
    );
  if (id) digits(layout.idGrid!, id);
  for (const row of layout.rows) {
    if (row.kind !== 'choice') continue;
    const bubble = row.bubbles[(row.item + shift) % row.bubbles.length]!;
    pens.push({ bubble, stroke: 'full' });
    answers.set(row.item, bubble.value);
  }
  const marked = await markPage(sheet, pens, DPI, ink);
  const bytes = file.endsWith('.jpg')
    ? await sharp(marked).jpeg({ quality: 80 }).toBuffer()
    : ink
      ? marked
      : await degrade(marked, { rotate: shift % 2 ? 0.7 : -0.5, noise: 3, seed: file });
  writeFileSync(path.join(root, 'scans', file), bytes);
  pupils.push({ file, ...(id ? { id } : {}), answers });
}

const pupil = (file: string) => pupils.find((p) => p.file === file)!;

/** The answers of a responses row, by item. */
const rowAnswers = (row: string[]) =>
  new Map(row.slice(2).map((cell, i) => [i + 1, cell] as [number, string]));

beforeAll(async () => {
  ({ root, copy, sheet } = await versionSheet('version-sheets', 'paper-quiz', QUIZ, DPI));
  await hand('no-id-1.png', undefined, 0);
  await hand('no-id-2.png', undefined, 1);
  await hand('green.png', '0417', 2, GREEN);
  await hand('red.jpg', '0932', 3, RED);
}, 180_000);

describe('handout scan: version copies as a class hands them in', () => {
  it('keeps two sheets with no student ID apart, says which they are, and grade scores each', async () => {
    const run = await scan(
      'scans/no-id-1.png',
      'scans/no-id-2.png',
      'scans/green.png',
      'scans/red.jpg',
      '--accept-doubtful',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const file of ['no-id-1.png', 'no-id-2.png'])
      expect(run.stdout).toContain(`to review: ${file} page 1: no student ID is marked`);
    expect(run.stdout).toContain(
      '2 copies with no student ID, each graded on its own under its version letter: version A (no-id-1.png page 1), version A (no-id-2.png page 1)',
    );
    expect(run.stdout).not.toContain('second scan');
    const [header, ...rows] = responses();
    expect(header!.slice(0, 2)).toEqual(['id', 'version']);
    // One row per sheet: the identified copies by ID, then the two without, in scan order.
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['0417', 'A'],
      ['0932', 'A'],
      ['A', 'A'],
      ['A', 'A'],
    ]);
    const expected = ['green.png', 'red.jpg', 'no-id-1.png', 'no-id-2.png'].map(pupil);
    rows.forEach((row, i) =>
      expect(rowAnswers(row), expected[i]!.file).toEqual(expected[i]!.answers),
    );
    expect(rows[2]!.slice(2)).not.toEqual(rows[3]!.slice(2));

    const graded = await runCli(
      [
        'grade',
        '--quiz',
        'paper-quiz',
        'out/scans/paper-quiz/responses.csv',
        '--format',
        'html',
        '--quiet',
      ],
      root,
    );
    expect(graded.code, graded.stderr).toBe(0);
    const [scoreHeader, ...scores] = parse(
      readFileSync(path.join(root, 'out/grades/paper-quiz/scores.csv'), 'utf8'),
    ) as string[][];
    expect(scores.map((r) => r[0])).toEqual(['0417', '0932', 'A', 'A']);
    const total = scoreHeader!.indexOf('total');
    scores.forEach((row, i) => {
      let points = 0;
      for (const [n, letter] of expected[i]!.answers) {
        const item = copy.items[n - 1]!;
        const p = item.presentation;
        if (p.type === 'single' && p.correct === letter) points += item.points;
      }
      expect(Number(row[total]), expected[i]!.file).toBe(points);
    });
  });

  it('reads full marks in green and in red pen exactly, with no doubts', async () => {
    const run = await scan('scans/green.png', 'scans/red.jpg');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('green.png: 1 page, 1 sheet read, no doubts');
    expect(run.stdout).toContain('red.jpg: 1 page, 1 sheet read, no doubts');
    expect(run.code).toBe(0);
    const rows = responses().slice(1);
    expect(rows.map((r) => r[0])).toEqual(['0417', '0932']);
    expect(rowAnswers(rows[0]!)).toEqual(pupil('green.png').answers);
    expect(rowAnswers(rows[1]!)).toEqual(pupil('red.jpg').answers);
  });

  it("leaves exactly the run's own review pictures, and a failed run leaves them as they were", async () => {
    const linked = () => {
      const review = readFileSync(path.join(root, 'out/scans/paper-quiz/review.html'), 'utf8');
      return [...review.matchAll(/<img src="review\/([^"]+)"/g)].map((m) => m[1]!).sort();
    };
    const pictures = () => (existsSync(reviewDir()) ? readdirSync(reviewDir()).sort() : []);
    const first = await scan('scans/no-id-1.png', 'scans/no-id-2.png', 'scans/green.png');
    expect(first.code).toBe(1);
    expect(linked()).toEqual(['p0001-id.png', 'p0002-id.png']);
    expect(pictures()).toEqual(linked());
    // The second sheet without ID is now the run's first page: one picture, of that sheet.
    const second = await scan('scans/no-id-2.png', 'scans/green.png');
    expect(second.code).toBe(1);
    expect(linked()).toEqual(['p0001-id.png']);
    expect(pictures()).toEqual(['p0001-id.png']);
    const kept = readFileSync(path.join(reviewDir(), 'p0001-id.png'));
    // A run that fails (a mistake in the corrections file) changes nothing.
    writeFileSync(path.join(root, 'scans/broken.yaml'), 'corrections:\n  - key: [\n');
    const failed = await scan('scans/no-id-1.png', '--corrections', 'scans/broken.yaml');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('broken.yaml');
    expect(pictures()).toEqual(['p0001-id.png']);
    expect(readFileSync(path.join(reviewDir(), 'p0001-id.png')).equals(kept)).toBe(true);
    // Nothing in doubt: no pictures at all.
    const clear = await scan('scans/green.png');
    expect(clear.code).toBe(0);
    expect(linked()).toEqual([]);
    expect(pictures()).toEqual([]);
  });
});
