/**
 * `kill -9` of handout while it prints: the browser must not outlive it
 * (Chromium is started on a pipe and exits when that pipe closes), and the
 * staging folder the killed run leaves in out/ is removed by the next run.
 * Runs the real CLI (dist/bin.js, the bundle) in its own process, as a teacher would.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { BIN, ensureBuilt } from '../helpers/build.js';
import { makeProject, singleQuestion } from '../helpers/project.js';

/** Parent of each live process, from /proc (Linux, as on the machines handout is tested on). */
function processTable(): Map<number, { ppid: number; state: string }> {
  const table = new Map<number, { ppid: number; state: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (name) state ppid ...": the name may hold spaces and parentheses.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(ppid), state: state! });
    } catch {
      // Gone while we looked.
    }
  }
  return table;
}

function descendants(root: number): number[] {
  const table = processTable();
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const parents = new Set(frontier);
    frontier = [...table].filter(([, p]) => parents.has(p.ppid)).map(([pid]) => pid);
    found.push(...frontier);
  }
  return found;
}

/** Still running: a zombie (dead, waiting for its parent to collect it) does not count. */
function running(pids: number[]): number[] {
  const table = processTable();
  return pids.filter((pid) => {
    const entry = table.get(pid);
    return entry !== undefined && entry.state !== 'Z' && entry.state !== 'X';
  });
}

const questions = Array.from({ length: 12 }, (_, i) => singleQuestion(`q${i + 1}`)).join('');
const blueprint = `id: long\ntitle: Long\nseed: 3\nversions: 26\nsections:\n  - title: S\n    pick: 12\n    from: { types: [single] }\n`;

describe('kill -9 while printing', () => {
  let root: string;
  let killedPid: number;
  let browser: number[] = [];
  let left: number[] = [];

  beforeAll(async () => {
    ensureBuilt();
    root = makeProject({
      'questions/bank.yaml': `questions:\n${questions}`,
      'questions/quizzes/long.yaml': blueprint,
    });
    // 26 versions and keys: long enough to be killed in the middle of printing.
    const child = spawn(process.execPath, [BIN, 'quiz', 'long', '--format', 'pdf'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    killedPid = child.pid!;
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/printed 2\//.test(stderr)) resolve();
      });
      child.on('exit', (code) =>
        reject(new Error(`handout ended (${code}) before printing:\n${stderr}`)),
      );
    });
    browser = descendants(killedPid);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    left = running(browser);
  }, 120_000);

  afterAll(() => {
    // Never leave a browser behind, even when the test fails.
    for (const pid of running(browser)) process.kill(pid, 'SIGKILL');
  });

  it('leaves no process of its browser running 2 s later', () => {
    expect(browser.length).toBeGreaterThan(0);
    expect(left).toEqual([]);
  });

  it('leaves a staging folder that the next run removes, and keeps the files of a finished run', async () => {
    const out = path.join(root, 'out');
    const staged = () => readdirSync(out).filter((f) => f.startsWith('.staging-'));
    expect(staged()).toEqual([expect.stringMatching(new RegExp(`^\\.staging-${killedPid}-`))]);
    // A run still going (here: a live process's folder) keeps its staging folder.
    const live = `.staging-${process.ppid}-live`;
    mkdirSync(path.join(out, live));
    const next = await runCli(['quiz', 'long', '--format', 'html', '--quiet'], root);
    expect(next.code).toBe(0);
    expect(staged()).toEqual([live]);
    expect(existsSync(path.join(out, 'quizzes/long/version-Z.html'))).toBe(true);
  });
});
