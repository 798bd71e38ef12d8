#!/usr/bin/env node
/**
 * The benchmark behind the figures in docs/performance.md. Not a test: it
 * prints numbers, it never fails on them. Every figure is a whole process
 * (Node start-up included), timed over several runs after a warm-up; the
 * median is the one to quote, min and max show how noisy the machine was.
 * Figures that are compared (handout and its floor, handout and AMC) are
 * measured in turns, so that a change in the machine's load hits both.
 *
 *   npm run build && node bench/run.mjs [--runs N] [--only NAME,...] [--profile DIR]
 *
 * --profile DIR also writes a V8 CPU profile (node --cpu-prof) of every
 * measured lint run into DIR, to open in Chrome's DevTools or speedscope.
 * NAME: version, lint, lint-10k, class-pack, pack-1000, html-1000, amc, start.
 * Peak memory is the largest sum of resident memory over the whole process
 * tree (handout plus every Chromium process), sampled from /proc (Linux).
 */
import { cpus } from 'node:os';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { amcPair } from './amc-pair.mjs';
import {
  BIN,
  ROOT,
  benchProject,
  loadNote,
  measure,
  measurePaired,
  once,
  report,
  requireBuild,
  roster,
  seconds,
  summary,
} from './measure.mjs';
import { writePrintJobs } from './print-jobs.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const profileDir = args.includes('--profile')
  ? path.resolve(args[args.indexOf('--profile') + 1])
  : undefined;
/** Node's arguments for `handout lint`, profiled when asked for. */
const lint = () => [
  ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
  BIN,
  'lint',
];
const wanted = (name) => !only || only.includes(name);
const node = process.execPath;
requireBuild();

/** The bundled bank copied until it has at least `target` questions, each copy with fresh ids. */
function bigBank(dir, target) {
  const files = readdirSync(path.join(ROOT, 'questions')).filter((f) => f.endsWith('.yaml'));
  const banks = files.map((f) => parse(readFileSync(path.join(ROOT, 'questions', f), 'utf8')));
  const perCopy = banks.reduce((n, b) => n + b.questions.length, 0);
  const copies = Math.ceil(target / perCopy);
  for (let c = 0; c < copies; c++) {
    banks.forEach((bank, i) => {
      const questions = bank.questions.map((q) => ({ ...q, id: `${q.id}-copy-${c}` }));
      writeFileSync(
        path.join(dir, 'questions', `copy-${c}-${files[i]}`),
        stringify({ ...bank, questions }),
      );
    });
  }
  for (const f of files) rmSync(path.join(dir, 'questions', f));
  return copies * perCopy;
}

/** `handout quiz` of the bundled unit quiz for a roster of `count` students. */
function packCommand(csv, out, formats) {
  return [
    BIN,
    'quiz',
    'missile-defense-unit',
    '--roster',
    csv,
    ...(formats ? ['--format', formats] : []),
    '--out',
    out,
    '--quiet',
  ];
}

console.log(
  `handout benchmarks: ${runs} runs each after a warm-up; node ${process.version}; ${cpus().length} cores; ${loadNote()}\n`,
);

if (wanted('version')) {
  report('node -e 0 (Node start-up alone)', await measure(node, ['-e', '0'], {}, runs));
  report('handout --version', await measure(node, [BIN, '--version'], {}, runs));
}

if (wanted('lint')) {
  report('handout lint, bundled bank', await measure(node, lint(), { cwd: ROOT }, runs));
}

if (wanted('lint-10k')) {
  let count = 0;
  const dir = benchProject((d) => (count = bigBank(d, 10_000)));
  report(`handout lint, ${count} questions`, await measure(node, lint(), { cwd: dir }, runs));
  rmSync(dir, { recursive: true, force: true });
}

if (wanted('class-pack')) {
  // Floor B: the very documents handout prints (packs in chunks, the booklet), printed
  // by bare puppeteer with the headless shell, untagged, on two tabs.
  let csv = '';
  const dir = benchProject((d) => (csv = roster(d, 30)));
  const out = path.join(dir, 'out');
  const floorOut = path.join(dir, 'floor');
  await once(node, packCommand(csv, floorOut, 'html'), { cwd: dir }); // for its assets/
  const [folder] = await writePrintJobs({
    projectDir: dir,
    quizId: 'missile-defense-unit',
    rosterFile: csv,
    outDir: floorOut,
  });
  const floorArgs = [path.join(ROOT, 'bench', 'print-floor.mjs'), folder, '--match', 'floor-'];
  const [pack, floor] = await measurePaired(
    [
      { command: node, args: packCommand(csv, out), options: { cwd: dir } },
      { command: node, args: floorArgs, options: { cwd: ROOT } },
    ],
    runs,
  );
  const documents = readdirSync(folder).filter((f) => f.startsWith('floor-')).length;
  report('class pack: 30 students x 20 questions + keys (html, pdf)', pack);
  report(`floor: bare puppeteer printing the same ${documents} documents`, floor);
  console.log(
    `class pack ÷ floor: ${(pack.median / floor.median).toFixed(2)} (target ≤ 1.2); CPU time ÷ floor's: ${(pack.cpu / floor.cpu).toFixed(2)}\n`,
  );
  rmSync(dir, { recursive: true, force: true });
}

if (wanted('pack-1000')) {
  // Memory must stay flat: printed in chunks of the same size as for a class of 30.
  const big = Math.min(runs, 3);
  let small = '';
  let large = '';
  const dir = benchProject((d) => {
    small = roster(d, 30);
    large = roster(d, 1000);
  });
  const [thirty, thousand] = await measurePaired(
    [
      {
        command: node,
        args: packCommand(small, path.join(dir, 'out-30'), 'pdf'),
        options: { cwd: dir },
      },
      {
        command: node,
        args: packCommand(large, path.join(dir, 'out-1000'), 'pdf'),
        options: { cwd: dir },
      },
    ],
    big,
  );
  report('class pack, 30 students, PDF only', thirty);
  report('class pack, 1,000 students, PDF only', thousand);
  console.log(
    `1,000 students: ${seconds(thousand.median / 1000)} per copy (copy + marking grid), ${seconds(thousand.cpu / 1000)} of CPU time; peak memory ${((thousand.peakMb / thirty.peakMb - 1) * 100).toFixed(1)}% above the 30-student pack (target ≤ 10%)\n`,
  );
  rmSync(dir, { recursive: true, force: true });
}

if (wanted('html-1000')) {
  let csv = '';
  const dir = benchProject((d) => (csv = roster(d, 1000)));
  report(
    '1,000 personal copies + keys as HTML',
    await measure(node, packCommand(csv, path.join(dir, 'out'), 'html'), { cwd: dir }, runs),
  );
  // A rerun into the same out/ links every unchanged page instead of writing it, so the
  // figure above is a rebuild's. A teacher's first build writes all 2,001 files: each run
  // here goes to a folder of its own, and none is removed until the end, because on some
  // file systems creating files just after as many were deleted costs more.
  const fresh = [];
  for (let i = 0; i <= runs; i++) {
    const out = path.join(dir, `out-fresh-${i}`);
    const result = await once(node, packCommand(csv, out, 'html'), { cwd: dir });
    if (i > 0) fresh.push(result); // the first is the warm-up, as in measure()
  }
  report('1,000 copies + keys as HTML, first build (empty out/)', summary(fresh));
  rmSync(dir, { recursive: true, force: true });
}

if (wanted('amc')) await amcPair(Math.max(runs, 5));

if (wanted('bootstrap')) {
  // The first step of npm start and npm test when everything is in place: it should cost next to nothing.
  report(
    'scripts/bootstrap.mjs with nothing to do',
    await measure(node, ['scripts/bootstrap.mjs'], { cwd: ROOT }, runs),
  );
}

if (wanted('start')) {
  // `npm start` where setup is done: bootstrap finds everything in place, then handout build.
  report(
    'npm start (setup already done)',
    await measure('npm', ['start', '--silent'], { cwd: ROOT }, runs),
  );
}
