/**
 * What the teacher does after a scan, run as the teacher would (the run
 * that reads the sheet is the compiled CLI in its own process, so pages are
 * read in worker threads; the others run in this process, to save a
 * process start each): a sheet scanned upside down whose code is torn goes to review; typing
 * the copy code into the corrections file makes the next run read it; the
 * question answered on the paper gets its own entry, and the answer
 * written there is what handout grade scores. The review page, with a
 * hostile student name and scan file name, is checked in real Chromium:
 * nothing runs, everything reads as text, in the bundled fonts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { loadContent } from '../../src/content.js';
import { ProblemList } from '../../src/errors.js';
import { regenerateCopies } from '../../src/grade/copies.js';
import { chromiumArgs } from '../../src/pdf/browser.js';
import { findChromium } from '../../src/pdf/chromium.js';
import { withPrinter } from '../../src/pdf/printer.js';
import { projectAt } from '../../src/project.js';
import type { QuizCopy } from '../../src/quiz/copy.js';
import { loadRoster } from '../../src/quiz/roster.js';
import { sheetLayout } from '../../src/sheet/layout.js';
import { qrPlace } from '../../src/sheet/page-marks.js';
import { BIN, ensureBuilt } from '../helpers/build.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';
import { readPdfText } from '../pdf/pdf-reading.js';
import { degrade, markPage, type Pen } from './pupils.js';

const QUIZ = `id: review-quiz
title: Review Quiz
seed: 5
answer_sheet: true
roster: ../../class.csv
sections:
  - title: Choice
    pick: 6
    from: { types: [single] }
  - title: Words
    pick: 1
    from: { types: [short] }
  - title: Writing
    pick: 1
    from: { types: [essay] }
`;
const NAME = `<script>window.__pwned = 1</script> O'Brien & "Co"`;
const SCAN = `<img src=x onerror=window.__pwned=2>.png`;
const DPI = 200;

let root: string;
let copy: QuizCopy;
/** The letters marked on the sheet, by item. */
const marked = new Map<number, string>();
let shortItem: number;
let essayItem: number;
let browser: Browser | undefined;

/** handout scan as its own process (worker threads and all). */
function scan(...extra: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(
    process.execPath,
    [BIN, 'scan', '--quiz', 'review-quiz', `scans/${SCAN}`, '--out', 'out', ...extra],
    { cwd: root, encoding: 'utf8' },
  );
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/**
 * The same command in this process, for the runs that are about the
 * corrections file rather than reading (a process with its worker threads
 * costs 2-5 s to start under load): pages are then read on this thread, by
 * the function the workers run.
 */
const scanHere = (...extra: string[]) =>
  runCli(['scan', '--quiz', 'review-quiz', `scans/${SCAN}`, '--out', 'out', ...extra], root);

const responses = () =>
  parse(readFileSync(path.join(root, 'out/scans/review-quiz/responses.csv'), 'utf8')) as string[][];

const correctionsFile = () => path.join(root, 'scans/review-quiz.corrections.yaml');

/** Writes the teacher's answer under a key of the corrections file. */
function answer(key: string, value: string): void {
  const text = readFileSync(correctionsFile(), 'utf8');
  const entry = new RegExp(
    `(- key: ${escapeRegExp(JSON.stringify(key))}\\n(?: {4}\\w+: .*\\n)*? {4}answer:)\\n`,
  );
  expect(text, `${key} is in the corrections file`).toMatch(entry);
  writeFileSync(correctionsFile(), text.replace(entry, `$1 ${JSON.stringify(value)}\n`));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  ensureBuilt();
  root = mkdtempSync(path.join(tmpdir(), 'handout-review-'));
  cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
  cpSync(path.join(REPO, 'questions'), path.join(root, 'questions'), {
    recursive: true,
    filter: (src) => !/quizzes|briefings|responses/.test(src),
  });
  mkdirSync(path.join(root, 'questions/quizzes'));
  writeFileSync(path.join(root, 'questions/quizzes/review-quiz.yaml'), QUIZ);
  writeFileSync(path.join(root, 'class.csv'), `id,name\ns1,"${NAME.replace(/"/g, '""')}"\n`);
  const html = await runCli(
    ['quiz', 'review-quiz', '--roster', 'class.csv', '--format', 'html', '--quiet'],
    root,
  );
  expect(html.code, html.stderr).toBe(0);
  const content = await loadContent(projectAt(root), new ProblemList());
  const students = await loadRoster(path.join(root, 'class.csv'));
  expect(students[0]!.name).toBe(NAME);
  copy = regenerateCopies(content.bank.questions, content.blueprints[0]!, 5, {
    students,
  }).roster!.byStudent.get('s1')!;

  // The sheet alone, printed by real Chromium, rasterised at 200 dpi by poppler.
  const file = path.join(root, 'out/quizzes/review-quiz/class/copies/s1.html');
  const $ = cheerio.load(readFileSync(file, 'utf8'));
  $('form.questions, .instructions').remove();
  const [printed] = await withPrinter({ env: process.env }, (printer) =>
    printer.printAll([
      {
        name: file,
        html: $.html(),
        baseUrl: pathToFileURL(path.dirname(file) + '/').href,
        title: 'sheet',
        date: new Date(Date.UTC(2026, 0, 1)),
      },
    ]),
  );
  writeFileSync(path.join(root, 'sheet.pdf'), printed!.pdf);
  const pages = (await readPdfText(new Uint8Array(printed!.pdf))).pages;
  const sheetPage = pages.findIndex((t) => t.includes(`copy ${copy.version} · sheet 1 of 1`)) + 1;
  expect(sheetPage).toBeGreaterThan(0);
  const at = String(sheetPage);
  execFileSync(
    'pdftoppm',
    ['-r', String(DPI), '-gray', '-png', '-singlefile', '-f', at, '-l', at, 'sheet.pdf', 'sheet'],
    {
      cwd: root,
    },
  );

  // One clear mark per choice row; the short answer is on the question pages.
  const layout = sheetLayout(copy, { idDigits: 6 });
  expect(layout.pages).toHaveLength(1);
  const pens: Pen[] = [];
  for (const row of layout.pages[0]!.rows) {
    if (row.kind === 'paper' && copy.items[row.item - 1]!.presentation.type === 'short')
      shortItem = row.item;
    if (row.kind === 'paper' && copy.items[row.item - 1]!.presentation.type === 'essay')
      essayItem = row.item;
    if (row.kind !== 'choice') continue;
    const bubble = row.bubbles[row.item % row.bubbles.length]!;
    pens.push({ bubble, stroke: 'full' });
    marked.set(row.item, bubble.value);
  }
  expect(shortItem).toBeGreaterThan(0);
  expect(essayItem).toBeGreaterThan(0);
  const page = await markPage(readFileSync(path.join(root, 'sheet.png')), pens, DPI);
  // Torn through the code: the left 60% of the QR (two of its three finder patterns) is gone.
  const qr = qrPlace(copy.paper);
  const px = DPI / 25.4;
  const torn = await sharp(page)
    .composite([
      {
        input: {
          create: {
            width: Math.round(qr.size * 0.6 * px),
            height: Math.round((qr.size + 2) * px),
            channels: 3,
            background: '#ffffff',
          },
        },
        left: Math.round((qr.x - 1) * px),
        top: Math.round((qr.y - 1) * px),
      },
    ])
    .png()
    .toBuffer();
  mkdirSync(path.join(root, 'scans'));
  writeFileSync(
    path.join(root, 'scans', SCAN),
    await degrade(torn, { rotate: 180, noise: 3, seed: 'r' }),
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('handout scan: what the teacher types', () => {
  let review: string;

  it('sends an upside-down sheet with a torn code to review, and reads it once the copy code is typed', async () => {
    const first = await scanHere();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`${SCAN}: 1 page, 0 sheets read, 1 doubt to review`);
    expect(first.stdout).toContain('the sheet code (QR) cannot be read');
    const firstReview = readFileSync(path.join(root, 'out/scans/review-quiz/review.html'), 'utf8');
    expect(firstReview).toMatch(/<img src="review\/p0001-page\.png"/);

    answer(`${SCAN}#1`, `${copy.version.toLowerCase()} 1`);
    // The run that reads the sheet in full is the compiled CLI in its own process, as teachers run it.
    const second = scan('--accept-doubtful');
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain(`${SCAN}: 1 page, 1 sheet read, 2 doubts to review`);
    // The marks were read the right way up: the only doubts left are the questions on the paper.
    expect(second.stdout).toContain(
      `question ${shortItem} of ${NAME}'s copy (${copy.version}) is answered on the paper`,
    );
    expect(second.stdout).toContain(
      `question ${essayItem} of ${NAME}'s copy (${copy.version}) is marked on the paper: write the points you award`,
    );
    expect(second.stdout).not.toMatch(/partly marked|all marked|cannot be read/);
    expect(second.code).toBe(0);
    const [, row] = responses();
    for (const [n, letter] of marked) expect(row![n + 1], `item ${n}`).toBe(letter);
    review = readFileSync(path.join(root, 'out/scans/review-quiz/review.html'), 'utf8');
  });

  it('takes the answer of a question answered on the paper from the corrections file, and grade scores it', async () => {
    const item = copy.items[shortItem - 1]!;
    const p = item.presentation;
    expect(p.type).toBe('short');
    const right = p.type === 'short' ? p.answer : '';
    answer(`copy ${copy.version} item ${shortItem}`, right);
    // An essay mark above the essay's points is not taken: the message names the file and line.
    const essay = copy.items[essayItem - 1]!;
    answer(`copy ${copy.version} item ${essayItem}`, String(essay.points + 5));
    const line =
      readFileSync(correctionsFile(), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(`answer: "${essay.points + 5}"`)) + 1;
    const wrong = await scanHere();
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`review-quiz.corrections.yaml:${line}`);
    expect(wrong.stderr).toContain(`is not a mark for this essay`);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(
      correctionsFile(),
      readFileSync(correctionsFile(), 'utf8').replace(
        `answer: "${essay.points + 5}"`,
        `answer: "${essay.points}"`,
      ),
    );
    const third = await scanHere();
    expect(third.stderr).toBe('');
    expect(third.code).toBe(0);
    const rows = responses();
    expect(rows[1]!.slice(0, 2)).toEqual(['s1', copy.version]);
    for (const [n, letter] of marked) expect(rows[1]![n + 1], `item ${n}`).toBe(letter);
    expect(rows[1]![shortItem + 1]).toBe(right);

    const graded = await runCli(
      [
        'grade',
        '--quiz',
        'review-quiz',
        'out/scans/review-quiz/responses.csv',
        '--format',
        'html',
        '--quiet',
      ],
      root,
    );
    expect(graded.code, graded.stderr).toBe(0);
    const [header, row] = parse(
      readFileSync(path.join(root, 'out/grades/review-quiz/scores.csv'), 'utf8'),
    ) as string[][];
    const pointsOf = (n: number) => Number(row![header!.indexOf(String(n))]);
    // The answer written in the corrections file is graded like any other.
    expect(pointsOf(shortItem)).toBe(item.points);
    expect(pointsOf(essayItem)).toBe(essay.points);
    for (const [n, letter] of marked) {
      const q = copy.items[n - 1]!;
      const right = q.presentation.type === 'single' && q.presentation.correct === letter;
      expect(pointsOf(n), `item ${n}`).toBe(right ? q.points : 0);
    }
  });

  it('shows hostile names as text, runs nothing, and uses the bundled fonts (real Chromium)', async () => {
    expect(review).not.toContain('<script>window');
    expect(review).not.toContain('<img src=x');
    const { executablePath } = await findChromium({ env: process.env });
    const { default: puppeteer } = await import('puppeteer');
    browser = await puppeteer.launch({
      executablePath,
      args: chromiumArgs(process.getuid?.() === 0),
    });
    const page = await browser.newPage();
    writeFileSync(path.join(root, 'out/scans/review-quiz/kept.html'), review);
    await page.goto(pathToFileURL(path.join(root, 'out/scans/review-quiz/kept.html')).href, {
      waitUntil: 'load',
    });
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('body script, body img[src="x"]', (found) => found.length)).toBe(0);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain(`${NAME}'s copy (${copy.version})`);
    expect(text).toContain(SCAN);
    const session = await page.createCDPSession();
    const { root: doc } = await session.send('DOM.getDocument');
    for (const selector of ['h1', '.problem', 'table td', 'pre']) {
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: doc.nodeId, selector });
      expect(nodeId, selector).toBeGreaterThan(0);
      await session.send('CSS.enable');
      const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(fonts.length, selector).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.isCustomFont, `${selector}: ${font.familyName}`).toBe(true);
        expect(font.familyName, selector).toMatch(/^Noto /);
      }
    }
  });
});
