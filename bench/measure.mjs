/**
 * What every benchmark script shares: timing a whole process, sampling the
 * peak memory of its process tree, summarising runs, and making a
 * throw-away project from the bundled corpus and bank.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'dist', 'bin.js');

export function requireBuild() {
  if (!existsSync(BIN)) {
    console.error('bench: build first (npm run build)');
    process.exit(1);
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Resident memory (kB) of a process and all its descendants, and the CPU
 * time (ticks) each of them has used so far, from /proc.
 */
export function treeUsage(rootPid) {
  if (!existsSync('/proc/self/stat')) return { rssKb: 0, ticks: new Map() };
  const children = new Map();
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      stats.set(Number(entry), {
        rssKb: Number(fields[21]) * 4, // pages of 4 kB
        ticks: Number(fields[11]) + Number(fields[12]), // utime + stime
      });
    } catch {
      // The process ended while we looked.
    }
  }
  let rssKb = 0;
  const ticks = new Map();
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    const stat = stats.get(pid);
    if (stat) {
      rssKb += stat.rssKb;
      ticks.set(pid, stat.ticks);
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { rssKb, ticks };
}

export function treeRss(rootPid) {
  return treeUsage(rootPid).rssKb;
}

/**
 * Runs a command once; resolves to wall seconds, the peak memory (kB) of its
 * process tree and the CPU seconds the tree used (as last sampled: on a
 * shared machine, CPU time varies less than wall time).
 */
export function once(command, commandArgs, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peak = 0;
    const cpu = new Map();
    const timer = setInterval(() => {
      const usage = treeUsage(child.pid);
      peak = Math.max(peak, usage.rssKb);
      for (const [pid, ticks] of usage.ticks) cpu.set(pid, Math.max(cpu.get(pid) ?? 0, ticks));
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code !== 0)
        reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}\n${stderr}`));
      else
        resolve({
          seconds: (performance.now() - started) / 1000,
          peakKb: peak,
          cpuSeconds: [...cpu.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND,
        });
    });
  });
}

/** Median, min and max of the runs' seconds, and the median peak memory in MB. */
export function summary(results) {
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
  const peaks = results.map((r) => r.peakKb).sort((a, b) => a - b);
  return {
    cpu: median(results.map((r) => r.cpuSeconds)),
    median: median(seconds),
    min: seconds[0],
    max: seconds.at(-1),
    peakMb: median(peaks) / 1024,
    maxPeakMb: peaks.at(-1) / 1024,
  };
}

export function median(sorted) {
  const values = [...sorted].sort((a, b) => a - b);
  const middle = Math.floor(values.length / 2);
  return values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

/** Runs once to warm file caches, then `runs` times. */
export async function measure(command, commandArgs, options, runs) {
  await once(command, commandArgs, options);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(command, commandArgs, options));
  return summary(results);
}

/**
 * Several commands measured in turns (A B, B A, A B...) rather than one after
 * the other, so that a change in the machine's load falls on all of them.
 */
export async function measurePaired(commands, runs) {
  for (const { command, args, options, before } of commands) {
    before?.();
    await once(command, args, options);
  }
  const results = commands.map(() => []);
  for (let round = 0; round < runs; round++) {
    const order = commands.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const { command, args, options, before } = commands[i];
      before?.();
      results[i].push(await once(command, args, options));
    }
  }
  return results.map(summary);
}

export function seconds(value) {
  return value >= 1 ? `${value.toFixed(2)} s` : `${(value * 1000).toFixed(0)} ms`;
}

export function report(name, result, extra = '') {
  console.log(
    `${name.padEnd(58)} median ${seconds(result.median).padStart(8)}  (min ${seconds(result.min)}, max ${seconds(result.max)})${result.peakMb ? `  peak ${result.peakMb.toFixed(0)} MB` : ''}  cpu ${seconds(result.cpu)}${extra}`,
  );
}

/** The machine's load when a figure was taken: shared machines make figures drift. */
export function loadNote() {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`;
}

/** A project with the bundled corpus and bank, and whatever else a benchmark needs. */
export function benchProject(extra = () => {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'handout-bench-'));
  cpSync(path.join(ROOT, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  cpSync(path.join(ROOT, 'questions'), path.join(dir, 'questions'), { recursive: true });
  // With its lock, so that lint compares every paragraph as in a real project.
  if (existsSync(path.join(ROOT, 'corpus.lock')))
    cpSync(path.join(ROOT, 'corpus.lock'), path.join(dir, 'corpus.lock'));
  extra(dir);
  return dir;
}

/** A roster of `count` students in the project; returns its file name. */
export function roster(dir, count) {
  const rows = ['id,name,class'];
  for (let i = 1; i <= count; i++) rows.push(`b${String(i).padStart(4, '0')},Student ${i},10B`);
  writeFileSync(path.join(dir, `class-${count}.csv`), rows.join('\n') + '\n');
  return `class-${count}.csv`;
}
