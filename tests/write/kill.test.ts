/**
 * `kill -9` of handout while it prints: the browser must not outlive it
 * (Chromium is started on a pipe and exits when that pipe closes), and the
 * staging folder the killed run leaves in out/ and the browser profile it
 * leaves in the temporary folder are removed by the next run. Runs the real
 * CLI (dist/bin.js, the bundle) in its own process, as a teacher would, with a
 * temporary folder (TMPDIR) of its own so that what is left can be listed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../helpers/build.js';
import { makeProject, singleQuestion } from '../helpers/project.js';
import { profilesFolder } from '../../src/pdf/profile.js';

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
  let temp: string;
  let killedPid: number;
  let browser: number[] = [];
  let left: number[] = [];

  beforeAll(async () => {
    ensureBuilt();
    root = makeProject({
      'questions/bank.yaml': `questions:\n${questions}`,
      'questions/quizzes/long.yaml': blueprint,
    });
    temp = mkdtempSync(path.join(os.tmpdir(), 'handout-kill-tmp-'));
    // 26 versions and keys: long enough to be killed in the middle of printing.
    const child = spawn(process.execPath, [BIN, 'quiz', 'long', '--format', 'pdf'], {
      cwd: root,
      env: { ...process.env, TMPDIR: temp },
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
    rmSync(temp, { recursive: true, force: true });
  });

  it('leaves no process of its browser running 2 s later', () => {
    expect(browser.length).toBeGreaterThan(0);
    expect(left).toEqual([]);
  });

  it('leaves a staging folder and a browser profile that the next run removes, and keeps the files of a finished run', () => {
    const out = path.join(root, 'out');
    const staged = () => readdirSync(out).filter((f) => f.startsWith('.staging-'));
    expect(staged()).toEqual([expect.stringMatching(new RegExp(`^\\.staging-${killedPid}-`))]);
    // The killed run's browser profile, named after it in the user's folder of profiles;
    // nothing else of it in the temporary folder but the YAML cache (util/yaml-cache.ts).
    const profiles = profilesFolder(temp);
    const cache = `handout-cache-${process.getuid?.() ?? 'user'}`;
    expect(readdirSync(temp).sort()).toEqual([cache, path.basename(profiles)].sort());
    expect(readdirSync(profiles)).toEqual([expect.stringMatching(new RegExp(`^${killedPid}-`))]);
    // A run still going (here: a live process's folders) keeps its staging folder and profile.
    const live = `.staging-${process.ppid}-live`;
    mkdirSync(path.join(out, live));
    const liveProfile = `${process.ppid}-Live01`;
    mkdirSync(path.join(profiles, liveProfile));
    const next = spawnSync(process.execPath, [BIN, 'quiz', 'long', '--format', 'html', '--quiet'], {
      cwd: root,
      env: { ...process.env, TMPDIR: temp },
      encoding: 'utf8',
    });
    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    expect(staged()).toEqual([live]);
    expect(readdirSync(profiles)).toEqual([liveProfile]);
    expect(existsSync(path.join(out, 'quizzes/long/version-Z.html'))).toBe(true);
  });
});
