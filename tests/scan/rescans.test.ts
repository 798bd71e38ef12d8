/**
 * Sheets with no student ID, scanned twice: a page fed through the copier
 * again, or a stack scanned once more the other way up. handout must count
 * such a sheet once and say so, yet keep apart two pupils who gave the same
 * answers (one wrote another name, one filled the bubbles another way), and
 * never drop a pupil whose unnamed sheet only looks like another's: it asks.
 * And once the teacher writes the student's ID, what the corrections file
 * holds under the sheet's old name is applied, not asked again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuizCopy } from '../../src/quiz/copy.js';
import { decodeImage } from '../../src/scan/image.js';
import { locateSheet } from '../../src/scan/locate.js';
import type { Reading } from '../../src/scan/decide.js';
import {
  differingCells,
  fingerprint,
  packFingerprint,
  SAME_SHEET_CELLS,
} from '../../src/scan/fingerprint.js';
import { RescanFinder } from '../../src/scan/rescans.js';
import { sheetLayout } from '../../src/sheet/layout.js';
import { runCli } from '../helpers/cli.js';
import { degrade, markPage, type Degrade, type Pen, type Stroke, type Writing } from './pupils.js';
import { versionSheet } from './version-sheet.js';

const QUIZ = `id: rescan-quiz
title: Rescan Quiz
seed: 5
versions: 1
answer_sheet: { id_digits: 4 }
sections:
  - title: Choice
    pick: 6
    from: { types: [single] }
  - title: Words
    pick: 1
    from: { types: [short] }
`;
const DPI = 150;
/** The question answered on the paper (the sheet lists it as such). */
const SHORT = 7;

let root: string;
let copy: QuizCopy;
let sheet: Buffer;
/** Each pupil's sheet with their marks, before scanning; and the letters marked, by item. */
const pupils = new Map<string, { page: Buffer; answers: Map<number, string> }>();

/** A pupil fills one bubble per choice row (chosen by `shift`), in `stroke`, and may write a name. */
async function pupil(who: string, shift: number, stroke: Stroke, name?: string) {
  const pens: Pen[] = [];
  const answers = new Map<number, string>();
  for (const row of sheetLayout(copy, { idDigits: 4 }).pages[0]!.rows) {
    if (row.kind !== 'choice') continue;
    const bubble = row.bubbles[(row.item + shift) % row.bubbles.length]!;
    pens.push({ bubble, stroke });
    answers.set(row.item, bubble.value);
  }
  // On the "Name" line of the sheet, as the sheet asks.
  const writing: Writing | undefined = name ? { text: name, x: 78, y: 56 } : undefined;
  pupils.set(who, { page: await markPage(sheet, pens, DPI, undefined, writing), answers });
}

async function scanOf(who: string, file: string, how: Degrade) {
  writeFileSync(path.join(root, 'scans', file), await degrade(pupils.get(who)!.page, how));
}

const scan = (...args: string[]) => runCli(['scan', '--quiz', 'rescan-quiz', ...args], root);
const responses = () =>
  parse(readFileSync(path.join(root, 'out/scans/rescan-quiz/responses.csv'), 'utf8')) as string[][];
const rowAnswers = (row: string[]) =>
  new Map(row.slice(2, 2 + 6).map((cell, i) => [i + 1, cell] as [number, string]));

beforeAll(async () => {
  ({ root, copy, sheet } = await versionSheet('rescans', 'rescan-quiz', QUIZ, DPI));
  expect(copy.items[SHORT - 1]!.presentation.type).toBe('short');
  // Amelia and Omar give the same answers and write their names; Kim and Lee give the
  // same answers as each other and write none, but Lee fills only the lower part of each bubble.
  // Noor gives Kim's answers, writes no name and fills the bubbles as Kim does.
  await pupil('amelia', 0, 'full', 'Amelia Brown');
  await pupil('omar', 0, 'full', 'Omar Haddad');
  await pupil('kim', 1, 'full');
  await pupil('lee', 1, 'sixty');
  await pupil('noor', 1, 'full');
  await scanOf('amelia', 'monday.png', { rotate: 0.6, noise: 3, seed: 'monday' });
  // The same sheet through the feeder again: upside down, crooked, shrunk, blurred, JPEG 60.
  await scanOf('amelia', 'again.jpg', {
    rotate: 181.5,
    scale: 0.98,
    blur: 0.8,
    noise: 6,
    jpeg: 60,
    seed: 'again',
  });
  await scanOf('omar', 'omar.png', { rotate: -0.4, noise: 3, seed: 'omar' });
  await scanOf('kim', 'kim.png', { rotate: 0.3, noise: 3, seed: 'kim' });
  await scanOf('lee', 'lee.png', { rotate: -0.8, noise: 3, seed: 'lee' });
  await scanOf('kim', 'kim-phone.jpg', { perspective: 0.02, scale: 1.03, jpeg: 60, seed: 'kp' });
  await scanOf('noor', 'noor.png', { rotate: -0.5, noise: 3, seed: 'noor' });
  // The same scan handed in twice, under another name.
  writeFileSync(
    path.join(root, 'scans/kim-twice.png'),
    readFileSync(path.join(root, 'scans/kim.png')),
  );
}, 180_000);

describe('handout scan: a sheet with no student ID scanned twice', () => {
  it('tells a rescan of one sheet from another pupil’s sheet with the same answers', async () => {
    const print = async (file: string) => {
      const image = await decodeImage(readFileSync(path.join(root, 'scans', file)));
      const located = locateSheet(image);
      if (located.kind !== 'sheet') throw new Error(`${file}: no sheet found`);
      return fingerprint(image, located.map, located.levels, sheetLayout(copy, { idDigits: 4 }));
    };
    const [monday, again, omar, kim, lee, kimPhone] = await Promise.all(
      ['monday.png', 'again.jpg', 'omar.png', 'kim.png', 'lee.png', 'kim-phone.jpg'].map(print),
    );
    // Rescans differ in hardly a cell; other pupils' sheets in far more than the limit.
    expect(differingCells(monday!, again!)).toBeLessThanOrEqual(2);
    expect(differingCells(kim!, kimPhone!)).toBeLessThanOrEqual(2);
    expect(differingCells(monday!, omar!)).toBeGreaterThan(5 * SAME_SHEET_CELLS);
    expect(differingCells(kim!, lee!)).toBeGreaterThan(5 * SAME_SHEET_CELLS);

    // A mark on the edge may read one way on one scan and be unsure on the other: still one
    // sheet, kept as first read. A mark read clearly otherwise is another paper.
    const sheet = (file: string, print: typeof monday) => ({
      file,
      page: 1,
      version: 'A',
      sheetPage: 1,
      fingerprint: packFingerprint(print!),
      named: true,
      image: file,
    });
    const reads = (third: Reading) => [
      { target: 'id' as const, value: '', doubt: 'no student ID is marked' },
      { target: 1, value: 'B' },
      { target: 2, value: 'C' },
      third,
    ];
    const finder = new RescanFinder();
    expect(finder.match(sheet('monday.png', monday), reads({ target: 3, value: 'A' }))).toBe(
      undefined,
    );
    expect(finder.match(sheet('again.jpg', again), reads({ target: 3, value: 'A' }))?.exact).toBe(
      true,
    );
    const unsure = finder.match(
      sheet('again.jpg', again),
      reads({ target: 3, value: '', doubt: 'A is only partly marked' }),
    );
    expect(unsure?.first.file).toBe('monday.png');
    expect(unsure?.exact).toBe(false);
    expect(finder.match(sheet('again.jpg', again), reads({ target: 3, value: 'D' }))).toBe(
      undefined,
    );
    // The same answers on another pupil's sheet: not the same sheet.
    expect(finder.match(sheet('omar.png', omar), reads({ target: 3, value: 'A' }))).toBe(undefined);
  });

  it('counts the second scan once, names both, and keeps apart pupils with the same answers', async () => {
    const run = await scan(
      'scans/monday.png',
      'scans/omar.png',
      'scans/kim.png',
      'scans/again.jpg',
      'scans/lee.png',
      'scans/kim-twice.png',
      '--corrections',
      'scans/class.yaml',
      '--accept-doubtful',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const notes = run.stdout.split('\n').filter((l) => l.includes('second scan'));
    expect(notes).toEqual([
      '  note: again.jpg page 1 is a second scan of sheet 1 of version A with no student ID (monday.png page 1): the same handwritten name, the same marks and the same picture; it was counted once',
      '  note: kim-twice.png page 1 is a second scan of sheet 1 of version A with no student ID (kim.png page 1): the same page image (one scan handed in twice); it was counted once',
    ]);
    // The second scans ask nothing: their questions are those of the first.
    expect(run.stdout).not.toMatch(/to review: (again\.jpg|kim-twice\.png)/);
    expect(run.stdout).toContain('again.jpg: 1 page, 1 sheet read, no doubts');
    const entries = readFileSync(path.join(root, 'scans/class.yaml'), 'utf8');
    expect(entries).not.toMatch(/again\.jpg|kim-twice\.png/);
    expect(entries).toContain('- key: "copy A no ID omar.png#1 item 7"');
    expect(run.stdout).toContain(
      '4 copies with no student ID, each graded on its own under its version letter: version A (monday.png page 1), version A (omar.png page 1), version A (kim.png page 1), version A (lee.png page 1)',
    );
    const rows = responses().slice(1);
    expect(rows.map((r) => r[0])).toEqual(['A', 'A', 'A', 'A']);
    ['amelia', 'omar', 'kim', 'lee'].forEach((who, i) =>
      expect(rowAnswers(rows[i]!), who).toEqual(pupils.get(who)!.answers),
    );
    const review = cheerio.load(
      readFileSync(path.join(root, 'out/scans/rescan-quiz/review.html'), 'utf8'),
    );
    expect(review.text()).toContain(
      'again.jpg page 1 is a second scan of sheet 1 of version A with no student ID (monday.png page 1)',
    );
  });

  it('asks, naming both pages, whether two unnamed sheets with the same answers are one sheet, and drops no pupil meanwhile', async () => {
    const file = path.join(root, 'scans/noor.yaml');
    const args = ['scans/kim.png', 'scans/noor.png', 'scans/kim-phone.jpg'];
    // Kim's and Noor's sheets, and Kim's again by phone: the three pictures match.
    const asked = await scan(...args, '--corrections', 'scans/noor.yaml');
    expect(asked.stderr).toBe('');
    expect(asked.code).toBe(1);
    const question = (page: string) =>
      `  to review: ${page} page 1: no name and no student ID, like kim.png page 1 (sheet 1 of version A), and the two show the same marks and the same picture: write yes if this page is a second scan of that sheet (it is counted once), or no if they are two pupils' sheets (each is graded on its own)`;
    expect(asked.stdout).toContain(question('noor.png'));
    expect(asked.stdout).toContain(question('kim-phone.jpg'));
    expect(asked.stdout).not.toContain('second scan of sheet');
    let text = readFileSync(file, 'utf8');
    expect(text).toContain('- key: "noor.png#1 same sheet as kim.png#1"');
    expect(text).toContain('- key: "kim-phone.jpg#1 same sheet as kim.png#1"');
    expect(text).toMatch(
      /same sheet as kim\.png#1"\n {4}problem: .*\n {4}proposed: "no"\n {4}answer:\n/,
    );

    // Until the teacher answers, each sheet is a pupil of its own: nobody is dropped.
    const meanwhile = await scan(...args, '--corrections', 'scans/noor.yaml', '--accept-doubtful');
    expect(meanwhile.code).toBe(0);
    expect(responses().slice(1)).toHaveLength(3);

    // The teacher knows: Noor is another pupil, the phone picture is Kim's sheet again.
    const answer = (key: string, value: string) => {
      const at = text.indexOf(`- key: ${JSON.stringify(key)}\n`);
      const blank = text.indexOf('    answer:\n', at);
      text = `${text.slice(0, blank)}    answer: ${value}\n${text.slice(blank + '    answer:\n'.length)}`;
    };
    answer('noor.png#1 same sheet as kim.png#1', 'no');
    answer('kim-phone.jpg#1 same sheet as kim.png#1', 'yes');
    writeFileSync(file, text);
    const answered = await scan(...args, '--corrections', 'scans/noor.yaml', '--accept-doubtful');
    expect(answered.stderr).toBe('');
    expect(answered.code).toBe(0);
    expect(answered.stdout).not.toContain('same sheet as');
    expect(answered.stdout).not.toContain('to review: noor.png page 1: no name');
    expect(answered.stdout).toContain(
      '  note: kim-phone.jpg page 1 is a second scan of sheet 1 of version A with no student ID (kim.png page 1): the same marks and the same picture, and the corrections file says they are one sheet; it was counted once',
    );
    const rows = responses().slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(rowAnswers(row)).toEqual(pupils.get('kim')!.answers);

    // An answer that is neither: the line to fix, nothing guessed.
    writeFileSync(file, text.replace('    answer: no\n', '    answer: maybe\n'));
    const line = text.split('\n').findIndex((l) => l === '    answer: no') + 1;
    const wrong = await scan(...args, '--corrections', 'scans/noor.yaml');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`noor.yaml:${line}`);
    expect(wrong.stderr).toContain(
      '"maybe" does not say whether the two pages are one sheet; write yes (a second scan of one sheet) or no (two pupils\' sheets)',
    );
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  });

  it('applies what was written under the no-ID name once the ID is written, and asks nothing new', async () => {
    const file = path.join(root, 'scans/amelia.yaml');
    const first = await scan('scans/monday.png', '--corrections', 'scans/amelia.yaml');
    expect(first.code).toBe(1);
    let text = readFileSync(file, 'utf8');
    expect(text).toContain('- key: "monday.png#1 id"');
    expect(text).toContain(`- key: "copy A no ID monday.png#1 item ${SHORT}"`);
    // The teacher writes the short answer first, under the sheet's no-ID name, then the ID.
    const answer = (key: string, value: string) => {
      const entry = `- key: ${JSON.stringify(key)}\n`;
      const at = text.indexOf(entry);
      const blank = text.indexOf('    answer:\n', at);
      text = `${text.slice(0, blank)}    answer: ${value}\n${text.slice(blank + '    answer:\n'.length)}`;
    };
    answer(`copy A no ID monday.png#1 item ${SHORT}`, 'the Helsinki accords');
    answer('monday.png#1 id', '"0311"');
    writeFileSync(file, text);

    const second = await scan(
      'scans/monday.png',
      'scans/again.jpg',
      '--corrections',
      'scans/amelia.yaml',
    );
    expect(second.stderr).toBe('');
    expect(second.stdout).not.toContain('to review');
    expect(second.code).toBe(0);
    // Nothing was added: the answer written under the old name counts.
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(second.stdout).toContain(
      'again.jpg page 1 is a second scan of sheet 1 of version A with student ID 0311 (monday.png page 1)',
    );
    const [header, ...rows] = responses();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 2)).toEqual(['0311', 'A']);
    expect(rowAnswers(rows[0]!)).toEqual(pupils.get('amelia')!.answers);
    expect(rows[0]![header!.indexOf(String(SHORT))]).toBe('the Helsinki accords');

    // Both names answered, differently: the teacher is told which lines, nothing is guessed.
    const conflicting = `${text}  - key: "copy A id 0311 item ${SHORT}"\n    answer: the Paris charter\n`;
    writeFileSync(file, conflicting);
    const lines = conflicting.split('\n');
    const oldLine = lines.findIndex((l) => l.includes('answer: the Helsinki')) + 1;
    const newLine = lines.findIndex((l) => l.includes('answer: the Paris')) + 1;
    const conflict = await scan('scans/monday.png', '--corrections', 'scans/amelia.yaml');
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain(`amelia.yaml:${newLine}`);
    expect(conflict.stderr).toContain(
      `"copy A id 0311 item ${SHORT}" (line ${newLine}) and "copy A no ID monday.png#1 item ${SHORT}" (line ${oldLine}) answer the same question of the same sheet differently; delete the one that is wrong`,
    );
    expect(conflict.stderr).not.toMatch(/\n\s+at /);
  });

  it('takes an ID written for either scan, and two different IDs for two pupils', async () => {
    // An entry from an earlier run names the second scan: the sheet is still counted once, as 0420.
    writeFileSync(
      path.join(root, 'scans/kim.yaml'),
      '# written by hand\ncorrections:\n  - key: "kim-phone.jpg#1 id"\n    answer: "0420"\n  - key: "kim-phone.jpg#1 same sheet as kim.png#1"\n    answer: yes\n',
    );
    const one = await scan(
      'scans/kim.png',
      'scans/kim-phone.jpg',
      '--corrections',
      'scans/kim.yaml',
      '--accept-doubtful',
    );
    expect(one.stderr).toBe('');
    expect(one.stdout).toContain(
      'kim-phone.jpg page 1 is a second scan of sheet 1 of version A with student ID 0420 (kim.png page 1)',
    );
    expect(one.stdout).not.toContain('no student ID is marked');
    expect(
      responses()
        .slice(1)
        .map((r) => r.slice(0, 2)),
    ).toEqual([['0420', 'A']]);
    // The teacher says they are two pupils: two rows, no note.
    writeFileSync(
      path.join(root, 'scans/kim.yaml'),
      'corrections:\n  - key: "kim.png#1 id"\n    answer: "0419"\n  - key: "kim-phone.jpg#1 id"\n    answer: "0420"\n',
    );
    const two = await scan(
      'scans/kim.png',
      'scans/kim-phone.jpg',
      '--corrections',
      'scans/kim.yaml',
      '--accept-doubtful',
    );
    expect(two.stdout).not.toContain('second scan');
    expect(
      responses()
        .slice(1)
        .map((r) => r.slice(0, 2)),
    ).toEqual([
      ['0419', 'A'],
      ['0420', 'A'],
    ]);
  });
});
