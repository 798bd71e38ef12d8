#!/usr/bin/env node
/**
 * handout against Auto Multiple Choice on the same work: 30 copies of the
 * same 20 single-choice questions (each copy in its own order) and their
 * answer keys, as PDFs. AMC compiles the AMC-TXT that `handout export`
 * writes for that quiz, with `prepare --mode s[s]k` (subjects, solution,
 * one key per copy); handout runs `handout quiz --roster` on a 30-student
 * roster. Both are timed as whole processes, in turns (A B, B A, ...).
 *
 *   npm run build && node bench/amc-pair.mjs [--runs N]
 *   (or node bench/run.mjs --only amc)
 *
 * Needs AMC (Debian: apt-get install auto-multiple-choice) with its
 * default AMC-TXT engine, xelatex, and font, Linux Libertine O
 * (apt-get install texlive-xetex fonts-linuxlibertine).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { parse } from 'yaml';
import {
  BIN,
  ROOT,
  benchProject,
  loadNote,
  measurePaired,
  report,
  requireBuild,
  roster,
} from './measure.mjs';

const COPIES = 30;
const QUESTIONS = 20;

/** The first 20 single-choice questions of the bundled bank, in file order. */
function singleChoiceIds() {
  const files = readdirSync(path.join(ROOT, 'questions'))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const ids = files.flatMap((file) =>
    parse(readFileSync(path.join(ROOT, 'questions', file), 'utf8'))
      .questions.filter((q) => q.type === 'single')
      .map((q) => q.id),
  );
  return ids.slice(0, QUESTIONS);
}

function blueprint() {
  return [
    'id: amc-pair',
    'title: Missile Defense Diplomacy (single choice)',
    'seed: 7',
    'vary: order',
    'paper: a4',
    'sections:',
    '  - title: Multiple choice',
    '    instructions: Circle the letter of the one best answer.',
    `    pick: ${QUESTIONS}`,
    `    from: { ids: [${singleChoiceIds().join(', ')}] }`,
    '',
  ].join('\n');
}

async function pages(file) {
  return (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
}

async function pageCounts(folder) {
  const names = readdirSync(folder)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (f) => [f, await pages(path.join(folder, f))])),
  );
}

const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Runs the pairs and prints the figures; false if AMC is not installed. */
export async function amcPair(runs) {
  if (spawnSync('auto-multiple-choice', ['--version']).error) {
    console.log(
      'AMC pairing skipped: Auto Multiple Choice is not installed (apt-get install auto-multiple-choice texlive-xetex fonts-linuxlibertine)',
    );
    return false;
  }
  let csv = '';
  const dir = benchProject((d) => {
    csv = roster(d, COPIES);
    writeFileSync(path.join(d, 'questions', 'quizzes', 'amc-pair.yaml'), blueprint());
  });
  // The AMC-TXT of exactly these 20 questions, as a teacher moving to AMC would get it.
  execFileSync(
    process.execPath,
    [BIN, 'export', '--quiz', 'amc-pair', '--format', 'amc', '--out', 'amc-export', '--quiet'],
    { cwd: dir },
  );
  const source = path.join(dir, 'amc-source.txt');
  copyFileSync(path.join(dir, 'amc-export', 'exports', 'amc', 'amc-pair.txt'), source);
  const amcDir = path.join(dir, 'amc');
  const amcArgs = [
    'prepare',
    '--mode',
    's[s]k',
    '--with',
    'xelatex',
    '--filter',
    'plain',
    '--n-copies',
    String(COPIES),
    '--prefix',
    `${amcDir}/`,
    '--data',
    path.join(amcDir, 'data'),
    '--out-sujet',
    path.join(amcDir, 'subject.pdf'),
    '--out-corrige',
    path.join(amcDir, 'solution.pdf'),
    '--out-corrige-indiv',
    path.join(amcDir, 'keys.pdf'),
    '--out-calage',
    path.join(amcDir, 'calage.xy'),
    source,
  ];
  const out = path.join(dir, 'out');
  const handoutArgs = [
    BIN,
    'quiz',
    'amc-pair',
    '--roster',
    csv,
    '--format',
    'pdf',
    '--out',
    out,
    '--quiet',
  ];
  console.log(
    `handout vs Auto Multiple Choice: ${COPIES} copies of the same ${QUESTIONS} single-choice questions + keys, ${runs} pairs after a warm-up; ${loadNote()}`,
  );
  const [amc, handout] = await measurePaired(
    [
      {
        command: 'auto-multiple-choice',
        args: amcArgs,
        options: { cwd: dir },
        before: () => {
          rmSync(amcDir, { recursive: true, force: true });
          mkdirSync(path.join(amcDir, 'data'), { recursive: true });
        },
      },
      {
        command: process.execPath,
        args: handoutArgs,
        options: { cwd: dir },
        before: () => rmSync(out, { recursive: true, force: true }),
      },
    ],
    runs,
  );
  const amcPages = await pageCounts(amcDir);
  const ours = await pageCounts(path.join(out, 'quizzes', 'amc-pair', `class-${COPIES}`));
  report(`AMC prepare --mode s[s]k, ${total(amcPages)} pages ${JSON.stringify(amcPages)}`, amc);
  report(`handout quiz --roster, ${total(ours)} pages ${JSON.stringify(ours)}`, handout);
  console.log(
    `handout is ${(amc.median / handout.median).toFixed(2)}x as fast as AMC (ratio of medians; target ≥ 1.5x); CPU time ${(amc.cpu / handout.cpu).toFixed(2)}x less; ${loadNote()}\n`,
  );
  rmSync(dir, { recursive: true, force: true });
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  requireBuild();
  if (!(await amcPair(Number(args[args.indexOf('--runs') + 1]) || 7))) process.exit(1);
}
