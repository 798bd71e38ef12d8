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
 *
 * Needs AMC (Debian: apt-get install auto-multiple-choice) with its
 * default AMC-TXT engine, xelatex, and font, Linux Libertine O
 * (apt-get install texlive-xetex fonts-linuxlibertine).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
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

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const COPIES = 30;
const QUESTIONS = 20;
requireBuild();

if (spawnSync('auto-multiple-choice', ['--version']).error) {
  console.error(
    'bench: Auto Multiple Choice is not installed (apt-get install auto-multiple-choice)',
  );
  process.exit(1);
}

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

let csv = '';
const dir = benchProject((d) => {
  csv = roster(d, COPIES);
  writeFileSync(
    path.join(d, 'questions', 'quizzes', 'amc-pair.yaml'),
    [
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
    ].join('\n'),
  );
});

// The AMC-TXT of exactly these 20 questions, as a teacher moving to AMC would get it.
execFileSync(
  process.execPath,
  [BIN, 'export', '--quiz', 'amc-pair', '--format', 'amc', '--out', 'amc-export', '--quiet'],
  { cwd: dir },
);
const amcDir = path.join(dir, 'amc');
const source = path.join(dir, 'amc-source.txt');
copyFileSync(path.join(dir, 'amc-export', 'exports', 'amc', 'amc-pair.txt'), source);
const freshAmcDir = () => {
  rmSync(amcDir, { recursive: true, force: true });
  mkdirSync(path.join(amcDir, 'data'), { recursive: true });
};
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
  `handout vs Auto Multiple Choice: ${COPIES} copies of ${QUESTIONS} single-choice questions + keys; ${runs} pairs after a warm-up; ${loadNote()}\n`,
);
const [amc, handout] = await measurePaired(
  [
    { command: 'auto-multiple-choice', args: amcArgs, options: { cwd: dir }, before: freshAmcDir },
    {
      command: process.execPath,
      args: handoutArgs,
      options: { cwd: dir },
      before: () => rmSync(out, { recursive: true, force: true }),
    },
  ],
  runs,
);

async function pages(file) {
  return (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
}
const amcPages = {
  subjects: await pages(path.join(amcDir, 'subject.pdf')),
  keys: await pages(path.join(amcDir, 'keys.pdf')),
  solution: await pages(path.join(amcDir, 'solution.pdf')),
};
const pack = path.join(out, 'quizzes', 'amc-pair', `class-${COPIES}`);
const ours = Object.fromEntries(
  await Promise.all(
    readdirSync(pack)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map(async (f) => [f, await pages(path.join(pack, f))]),
  ),
);
const total = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
report(`AMC prepare --mode s[s]k (${total(amcPages)} pages: ${JSON.stringify(amcPages)})`, amc);
report(`handout quiz --roster (${total(ours)} pages: ${JSON.stringify(ours)})`, handout);
console.log(
  `\nAMC / handout: ${(amc.median / handout.median).toFixed(2)}x (medians; target >= 1.5x)  ${loadNote()}`,
);
rmSync(dir, { recursive: true, force: true });
