/** `handout grade` in-process: what it writes, what it refuses, and --skip-invalid. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HandoutError } from '../../src/errors.js';
import { gradeCommand } from '../../src/commands/grade.js';
import { RETEACH_BELOW } from '../../src/grade/passages.js';
import type { CopyItem, QuizCopy } from '../../src/quiz/copy.js';
import {
  FIXTURE,
  fixtureCopies,
  responsesCsv,
  rightAnswer,
  rowFor,
  wrongAnswer,
  type RowSpec,
} from './helpers.js';
import { memoryIo } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'handout-grade-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a responses file and returns its path. */
async function responses(name: string, rows: RowSpec[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, responsesCsv(rows));
  return file;
}

async function grade(
  file: string,
  options: { quiz: string; out: string; skipInvalid?: boolean; format?: string; chromium?: string },
) {
  const io = memoryIo(dir);
  const code = await gradeCommand(file, { project: FIXTURE, format: 'html', ...options }, io);
  return { code, io };
}

/** Answers that earn part of each partial-credit item, by question id. */
function partialAnswer(item: CopyItem): string {
  const p = item.presentation;
  switch (p.type) {
    case 'multiple':
      return p.correct[0]!; // 1 of 2 right letters, no wrong one: 1/2
    case 'cloze':
      return p.answers.map((a, i) => (i < 2 ? a[0]! : 'nothing')).join('|'); // 2 of 3 blanks
    case 'matching':
      return `${p.left[0]!.number}${p.left[0]!.correct}`; // 1 of 3 pairs
    case 'ordering':
      return p.correct.slice(0, 2); // first pair only: 1 of 3 neighbouring pairs
    case 'essay':
      return '2'; // 2 of 4 points
    default:
      return rightAnswer(item);
  }
}

function on(copy: QuizCopy, id: string, answer: (item: CopyItem) => string): RowSpec {
  return { id, version: copy.version, cells: copy.items.map(answer) };
}

describe('a valid class on every question type', async () => {
  const copies = await fixtureCopies('grade-all');
  const A = copies.byVersion.get('A')!;
  const B = copies.byVersion.get('B')!;
  const out = () => path.join(dir, 'out-all');
  const rows = [
    on(A, 'full', rightAnswer),
    on(B, 'none', wrongAnswer),
    on(A, 'part', partialAnswer),
    on(B, 'blank', () => ''),
    rowFor('mixed', B, (q) => q < 'g-m'),
  ];
  let result: Awaited<ReturnType<typeof grade>>;
  beforeAll(async () => {
    result = await grade(await responses('all.csv', rows), { quiz: 'grade-all', out: out() });
  });
  const read = (rel: string) => readFile(path.join(out(), rel), 'utf8');

  test('exits 0 and says what it did', () => {
    expect(result.code).toBe(0);
    expect(result.io.err.join('')).toMatch(
      /^grade: 5 students, mean [\d.]+ of 13 \([\d.]+%\), KR-20 [−\d.-]+, \d+ items? flagged; report in out-all\/grades\/grade-all\/\n$/,
    );
    expect(result.io.out.join('')).toMatch(/grades\/grade-all\/scores\.csv/);
  });

  test('an HTML-only run never starts a browser: a missing --chromium does not matter', async () => {
    const html = await grade(await responses('all.csv', rows), {
      quiz: 'grade-all',
      out: path.join(dir, 'out-html-only'),
      chromium: '/nonexistent/chromium',
    });
    expect(html.io.err.join('')).not.toContain('/nonexistent/chromium');
    expect(html.code).toBe(0);
    expect(existsSync(path.join(dir, 'out-html-only/grades/grade-all/report.html'))).toBe(true);
  });

  test('scores.csv: points by position, total and percent, partial credit included', async () => {
    const lines = (await read('grades/grade-all/scores.csv')).trimEnd().split('\n');
    expect(lines[0]).toBe('id,version,1,2,3,4,5,6,7,8,9,10,total,percent');
    expect(lines[1]).toMatch(/^full,A,/);
    const byId = new Map(lines.slice(1).map((l) => [l.split(',')[0], l.split(',')]));
    expect(byId.get('full')!.slice(-2)).toEqual(['13', '100.0']);
    expect(byId.get('none')!.slice(-2)).toEqual(['0', '0.0']);
    expect(byId.get('blank')!.slice(2, -2)).toEqual(Array(10).fill('0'));
    // part: 5 right/wrong items right (5), multiple 0.5, cloze 0.67, matching 0.33, ordering 0.33, essay 2.
    const part = byId.get('part')!;
    const cellOf = (id: string) => part[2 + A.items.findIndex((i) => i.question.id === id)];
    expect(
      ['g-topics', 'g-cloze-experts', 'g-who-said', 'g-article-order', 'g-essay-guarantees'].map(
        cellOf,
      ),
    ).toEqual(['0.5', '0.67', '0.33', '0.33', '2']);
    expect(part.slice(-2)).toEqual([
      String(Math.round((5 + 0.5 + 2 / 3 + 1 / 3 + 1 / 3 + 2) * 100) / 100),
      ((100 * (5 + 0.5 + 2 / 3 + 1 / 3 + 1 / 3 + 2)) / 13).toFixed(1),
    ]);
  });

  test('report.html: accessible, no script, every section', async () => {
    const html = await read('grades/grade-all/report.html');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script/i);
    const headings = [...html.matchAll(/<h([1-3])[^>]*>(.*?)<\/h\1>/gs)].map((m) => Number(m[1]));
    // Headings never skip a level.
    headings.forEach((level, i) => expect(level - (headings[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    for (const id of [
      'scores-heading',
      'passages-heading',
      'flagged-heading',
      'items-heading',
      'distractors-heading',
    ])
      expect(html).toContain(`id="${id}"`);
    // Every header cell says what it heads.
    expect([...html.matchAll(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/g)]).toEqual([]);
    expect(html).toContain('href="../../assets/fonts.css"');
    expect(html).toMatch(/size: A4;/);
    // Each question once in the item table.
    expect([...html.matchAll(/<tr data-question="([^"]+)">/g)].map((m) => m[1]).sort()).toEqual(
      A.items.map((i) => i.question.id).sort(),
    );
    // Option texts, not letters: versions with different letters add up.
    expect(html).toMatch(
      /<tr class="key"><th scope="row"><span class="key-mark">Key<\/span> Alaska<\/th><td class="num">3<\/td>/,
    );
  });

  test('the per-passage table counts a question for every paragraph it cites', async () => {
    const html = await read('grades/grade-all/report.html');
    const passages = [
      ...html.matchAll(
        /<tr class="(reteach)?" data-ref="([^"]+)">.*?<td class="num"[^>]*>(\d+)<\/td><td class="num">([^<]+)<\/td>/gs,
      ),
    ].map((m) => [m[2], Number(m[3]), m[4], m[1] === 'reteach']);
    // p12 is cited by g-withdrawal-year, g-topics and g-article-order; p2 by g-still-guarantees, g-who-said, g-article-order and g-essay-guarantees.
    expect(passages.find((p) => p[0] === 'lavrov-studying-proposals-2013#p12')?.[1]).toBe(3);
    expect(passages.find((p) => p[0] === 'lavrov-studying-proposals-2013#p2')?.[1]).toBe(4);
    const facilities = passages.map((p) => Number(String(p[2])));
    expect(facilities).toEqual([...facilities].sort((a, b) => a - b));
    expect(passages.every((p) => p[3] === Number(String(p[2])) < RETEACH_BELOW)).toBe(true);
  });

  test('manifest: every file with its hash, the command, the seed, the inputs', async () => {
    const manifest = JSON.parse(await read('manifest.json')) as {
      command: string;
      seeds: Record<string, number>;
      files: { path: string }[];
      inputs: { path: string }[];
    };
    expect(manifest.seeds).toEqual({ 'grade-all': 11 });
    expect(manifest.command).toMatch(/^handout grade --quiz grade-all --format html .*all\.csv$/);
    expect(manifest.files.map((f) => f.path).filter((p) => !p.startsWith('assets/'))).toEqual([
      'grades/grade-all/report.html',
      'grades/grade-all/scores.csv',
    ]);
    expect(manifest.inputs.map((i) => i.path)).toContain('questions/bank.yaml');
    expect(manifest.inputs.some((i) => i.path.endsWith('all.csv'))).toBe(true);
  });

  test('the same inputs give byte-identical files', async () => {
    const again = path.join(dir, 'out-all-again');
    await grade(path.join(dir, 'all.csv'), { quiz: 'grade-all', out: again });
    for (const rel of ['grades/grade-all/report.html', 'grades/grade-all/scores.csv']) {
      expect(await readFile(path.join(again, rel), 'utf8')).toBe(await read(rel));
    }
  });
});

describe('invalid responses', async () => {
  const copies = await fixtureCopies('grade-five');
  const A = copies.byVersion.get('A')!;
  const caption = A.items.findIndex((i) => i.question.id === 'g-caption');
  const bad: RowSpec[] = [
    rowFor('s1', A, () => true),
    { ...rowFor('s2', A, () => true), version: 'Z' }, // unknown version
    {
      ...rowFor('s3', A, () => true),
      cells: rowFor('s3', A, () => true).cells.map((c, i) => (i === caption ? 'F' : c)),
    }, // letter out of range
    { ...rowFor('s4', A, () => true), cells: ['A'] }, // wrong column count
    rowFor('s5', copies.byVersion.get('B')!, () => false),
  ];

  test('nothing is written, and every problem is reported at once with row and column', async () => {
    const out = path.join(dir, 'out-invalid');
    const file = await responses('bad.csv', bad);
    const error = await gradeCommand(
      file,
      { project: FIXTURE, quiz: 'grade-five', out, format: 'html' },
      memoryIo(dir),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoutError);
    const handout = error as HandoutError;
    expect(handout.message).toMatch(
      /^3 rows of the responses have errors, so nothing was written; .* --skip-invalid/,
    );
    expect(handout.problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([
      '3:2 responses-unknown-version',
      `4:${caption + 3} responses-answer`,
      '5:4 responses-columns',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  test('--skip-invalid lists the bad rows on stderr, grades the others and names the left-out rows in the report', async () => {
    const out = path.join(dir, 'out-skip');
    const { code, io } = await grade(path.join(dir, 'bad.csv'), {
      quiz: 'grade-five',
      out,
      skipInvalid: true,
    });
    expect(code).toBe(0);
    const err = io.err.join('');
    expect(err).toContain('bad.csv:3:2  error  row 3, column 2 (version): there is no version "Z"');
    expect(err).toContain(
      'grade: left out 3 rows with errors (--skip-invalid): row 3, row 4, row 5\n',
    );
    const scores = await readFile(path.join(out, 'grades/grade-five/scores.csv'), 'utf8');
    expect(
      scores
        .trimEnd()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['id', 's1', 's5']);
    const html = await readFile(path.join(out, 'grades/grade-five/report.html'), 'utf8');
    expect(html).toMatch(
      /Left out:<\/strong> 3 rows of the responses had errors and were not graded \(--skip-invalid\):\s*row 3 \(s2\), row 4 \(s3\), row 5 \(s4\)\./,
    );
  });

  test('a file that cannot be read is an error naming it', async () => {
    const error = await gradeCommand(
      path.join(dir, 'missing.csv'),
      { project: FIXTURE, quiz: 'grade-five', out: path.join(dir, 'out-missing') },
      memoryIo(dir),
    ).catch((e: unknown) => e);
    expect((error as HandoutError).code).toBe('responses-unreadable');
  });

  test('an unknown quiz is named, with the known ones', async () => {
    const error = await gradeCommand(
      path.join(dir, 'bad.csv'),
      { project: FIXTURE, quiz: 'grade-fiv', out: path.join(dir, 'out-x') },
      memoryIo(dir),
    ).catch((e: unknown) => e);
    expect((error as HandoutError).message).toMatch(
      /there is no quiz "grade-fiv".*did you mean "grade-five"/,
    );
  });
});

test('a roster quiz: names in scores.csv, students without responses in the report', async () => {
  const copies = await fixtureCopies('grade-roster');
  const personal = copies.roster!.byStudent;
  const file = await responses('roster.csv', [
    rowFor('s01', personal.get('s01')!, () => true),
    rowFor('s02', copies.byVersion.get('A')!, () => false),
  ]);
  const out = path.join(dir, 'out-roster');
  await grade(file, { quiz: 'grade-roster', out });
  const scores = (await readFile(path.join(out, 'grades/grade-roster/scores.csv'), 'utf8'))
    .trimEnd()
    .split('\n');
  expect(scores).toEqual([
    'id,name,version,1,2,3,4,5,total,percent',
    `s01,Ana Pérez,${personal.get('s01')!.version},1,1,1,1,1,5,100.0`,
    's02,"Lee, Min-jun",A,0,0,0,0,0,0,0.0',
  ]);
  const html = await readFile(path.join(out, 'grades/grade-roster/report.html'), 'utf8');
  expect(html).toContain(
    '<strong>No responses</strong> from 1 student on the roster: Олег Петров (s03).',
  );
  // Positions on versions are shown only because someone sat a version.
  expect(html).toContain('<th scope="col">No.</th>');
  expect((await readdir(path.join(out, 'grades/grade-roster'))).sort()).toEqual([
    'report.html',
    'scores.csv',
  ]);
});
