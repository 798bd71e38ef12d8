#!/usr/bin/env node
/**
 * The benchmark behind the figures in docs/performance.md. Not a test: it
 * prints numbers, it never fails on them. Every figure is a whole process
 * (Node start-up included), timed over several runs after a warm-up; the
 * median is the one to quote, min and max show how noisy the machine was.
 *
 *   npm run build && node bench/run.mjs [--runs N] [--only NAME,...]
 *
 * NAME: version, lint, lint-10k, class-pack, html-1000.
 * Peak memory is the largest sum of resident memory over the whole process
 * tree (handout plus every Chromium process), sampled from /proc (Linux).
 */
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { once } from './process-tree.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'dist', 'bin.js');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;

if (!existsSync(BIN)) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}

async function measure(command, commandArgs, options) {
  await once(command, commandArgs, options); // warm-up: file caches, JIT of nothing but the OS
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(command, commandArgs, options));
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
  const peaks = results.map((r) => r.peakKb).sort((a, b) => a - b);
  return {
    median: seconds[Math.floor(seconds.length / 2)],
    min: seconds[0],
    max: seconds[seconds.length - 1],
    peakMb: peaks[Math.floor(peaks.length / 2)] / 1024,
  };
}

function report(name, result, extra = '') {
  const f = (s) => `${(s * 1000).toFixed(0)} ms`;
  console.log(
    `${name.padEnd(44)} median ${f(result.median).padStart(8)}  (min ${f(result.min)}, max ${f(result.max)})${result.peakMb ? `  peak ${result.peakMb.toFixed(0)} MB` : ''}${extra}`,
  );
}

/** A project with the bundled corpus and bank, and whatever else a benchmark needs. */
function benchProject(extra) {
  const dir = mkdtempSync(path.join(tmpdir(), 'handout-bench-'));
  cpSync(path.join(ROOT, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  cpSync(path.join(ROOT, 'questions'), path.join(dir, 'questions'), { recursive: true });
  extra(dir);
  return dir;
}

function roster(dir, count) {
  const rows = ['id,name,class'];
  for (let i = 1; i <= count; i++) rows.push(`b${String(i).padStart(4, '0')},Student ${i},10B`);
  writeFileSync(path.join(dir, `class-${count}.csv`), rows.join('\n') + '\n');
  return `class-${count}.csv`;
}

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

const node = process.execPath;
const wanted = (name) => !only || only.includes(name);
console.log(
  `handout benchmarks: ${runs} runs each after a warm-up; node ${process.version}; ${(await import('node:os')).cpus().length} cores\n`,
);

if (wanted('version')) {
  report('node -e 0 (Node start-up alone)', await measure(node, ['-e', '0']));
  report('handout --version', await measure(node, [BIN, '--version']));
}

if (wanted('lint')) {
  report('handout lint, bundled bank', await measure(node, [BIN, 'lint'], { cwd: ROOT }));
}

if (wanted('lint-10k')) {
  let count = 0;
  const dir = benchProject((d) => (count = bigBank(d, 10_000)));
  report(`handout lint, ${count} questions`, await measure(node, [BIN, 'lint'], { cwd: dir }));
  rmSync(dir, { recursive: true, force: true });
}

if (wanted('class-pack')) {
  let csv = '';
  const dir = benchProject((d) => (csv = roster(d, 30)));
  const out = path.join(dir, 'out');
  const pack = await measure(
    node,
    [BIN, 'quiz', 'missile-defense-unit', '--roster', csv, '--out', out, '--quiet'],
    { cwd: dir },
  );
  const copies = path.join(out, 'quizzes', 'missile-defense-unit', 'class-30', 'copies');
  const htmlCount = readdirSync(copies).filter((f) => f.endsWith('.html')).length;
  report(`class pack: 30 students x 20 questions + keys (${htmlCount} PDFs, 2 packs)`, pack);
  const floor = await measure(node, [path.join(ROOT, 'bench', 'print-floor.mjs'), copies], {
    cwd: ROOT,
  });
  report(
    `floor: bare puppeteer printing the same ${htmlCount} HTML files`,
    floor,
    `  ratio ${(pack.median / floor.median).toFixed(2)}`,
  );
  rmSync(dir, { recursive: true, force: true });
}

if (wanted('html-1000')) {
  let csv = '';
  const dir = benchProject((d) => (csv = roster(d, 1000)));
  report(
    '1,000 personal copies + keys as HTML',
    await measure(
      node,
      [
        BIN,
        'quiz',
        'missile-defense-unit',
        '--roster',
        csv,
        '--format',
        'html',
        '--out',
        path.join(dir, 'out'),
        '--quiet',
      ],
      { cwd: dir },
    ),
  );
  rmSync(dir, { recursive: true, force: true });
}
