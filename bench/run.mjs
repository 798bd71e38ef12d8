#!/usr/bin/env node
/**
 * The benchmark behind the figures in docs/performance.md. Not a test: it
 * prints numbers, it never fails on them. Every figure is a whole process
 * (Node start-up included), timed over several runs after a warm-up; the
 * median is the one to quote, min and max show how noisy the machine was.
 *
 *   npm run build && node bench/run.mjs [--runs N] [--only NAME,...] [--profile DIR]
 *
 * --profile DIR also writes a V8 CPU profile of every measured handout run
 * into DIR (node --cpu-prof), to open in Chrome's DevTools or speedscope.
 * NAME: version, lint, lint-10k, class-pack, html-1000.
 * Peak memory is the largest sum of resident memory over the whole process
 * tree (handout plus every Chromium process), sampled from /proc (Linux).
 * "cpu" is the median user + system time of the main process (not Chromium),
 * which a busy machine disturbs far less than wall time.
 */
import { spawn } from 'node:child_process';
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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'dist', 'bin.js');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
const profileDir = args.includes('--profile')
  ? path.resolve(args[args.indexOf('--profile') + 1])
  : undefined;
/** Node's arguments for running handout, with profiling when asked for. */
const handout = (...rest) => [
  ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
  BIN,
  ...rest,
];

if (!existsSync(BIN)) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}

/** Resident memory (kB) of a process and all its descendants, from /proc. */
function treeRss(rootPid) {
  if (!existsSync('/proc/self/stat')) return 0;
  const children = new Map();
  const rss = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4); // pages of 4 kB
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * CPU seconds (user + system) tell more than wall time on a machine shared
 * with other work; /usr/bin/time reports them for the whole process.
 */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command once; returns wall and CPU seconds and the peak memory of its process tree. */
function once(command, commandArgs, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = TIME
      ? spawn(TIME, ['-f', '\nbench-cpu %U %S', command, ...commandArgs], {
          stdio: ['ignore', 'ignore', 'pipe'],
          ...options,
        })
      : spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const cpu = /bench-cpu ([\d.]+) ([\d.]+)/.exec(stderr);
      if (code !== 0)
        reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}\n${stderr}`));
      else
        resolve({
          seconds: (performance.now() - started) / 1000,
          cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined,
          peakKb: peak,
        });
    });
  });
}

async function measure(command, commandArgs, options) {
  await once(command, commandArgs, options); // warm-up: file caches, JIT of nothing but the OS
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(command, commandArgs, options));
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
  const cpus = results.map((r) => r.cpu).sort((a, b) => a - b);
  const peaks = results.map((r) => r.peakKb).sort((a, b) => a - b);
  return {
    median: seconds[Math.floor(seconds.length / 2)],
    min: seconds[0],
    max: seconds[seconds.length - 1],
    cpu: cpus[Math.floor(cpus.length / 2)],
    peakMb: peaks[Math.floor(peaks.length / 2)] / 1024,
  };
}

function report(name, result, extra = '') {
  const f = (s) => `${(s * 1000).toFixed(0)} ms`;
  console.log(
    `${name.padEnd(44)} median ${f(result.median).padStart(8)}  (min ${f(result.min)}, max ${f(result.max)})${result.cpu === undefined ? '' : `  cpu ${f(result.cpu)}`}${result.peakMb ? `  peak ${result.peakMb.toFixed(0)} MB` : ''}${extra}`,
  );
}

/** A project with the bundled corpus and bank, and whatever else a benchmark needs. */
function benchProject(extra) {
  const dir = mkdtempSync(path.join(tmpdir(), 'handout-bench-'));
  cpSync(path.join(ROOT, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  cpSync(path.join(ROOT, 'questions'), path.join(dir, 'questions'), { recursive: true });
  // With its lock, so that lint compares every paragraph as in a real project.
  if (existsSync(path.join(ROOT, 'corpus.lock')))
    cpSync(path.join(ROOT, 'corpus.lock'), path.join(dir, 'corpus.lock'));
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
  report('handout lint, bundled bank', await measure(node, handout('lint'), { cwd: ROOT }));
}

if (wanted('lint-10k')) {
  let count = 0;
  const dir = benchProject((d) => (count = bigBank(d, 10_000)));
  report(`handout lint, ${count} questions`, await measure(node, handout('lint'), { cwd: dir }));
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
