/**
 * Vitest's global setup: each test run gets a temporary folder of its own
 * (TMPDIR for every test file and every process they start, browsers
 * included), removed when the run ends. Tests that finish remove their own
 * folders, but a run that is killed (a timeout in CI, Ctrl-C twice, kill -9)
 * leaves them behind, and over days thousands piled up in /tmp. Now a run
 * leaves at most one folder, named after its process, and the next run
 * removes those of runs whose process is gone.
 */
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processExists } from '../../src/util/process-exists.js';

const PREFIX = 'handout-tests-';
const NAME = /^handout-tests-(\d+)-[A-Za-z0-9]{6}$/;

/** Removes the folders of test runs that no longer exist (this user's only) from `base`. */
export function removeStaleTestFolders(base: string): string[] {
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const name of readdirSync(base)) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(NAME.exec(name)?.[1]);
    if (!pid || processExists(pid)) continue;
    const folder = path.join(base, name);
    const stats = lstatSync(folder, { throwIfNoEntry: false });
    if (!stats?.isDirectory() || (uid !== undefined && stats.uid !== uid)) continue;
    rmSync(folder, { recursive: true, force: true, maxRetries: 2 });
    removed.push(folder);
  }
  return removed;
}

export default function setup(): () => void {
  const base = os.tmpdir();
  removeStaleTestFolders(base);
  const folder = mkdtempSync(path.join(base, `${PREFIX}${process.pid}-`));
  // Read by os.tmpdir() in the test files' processes, started after this, and in theirs.
  process.env.TMPDIR = folder;
  return () => {
    process.env.TMPDIR = base;
    rmSync(folder, { recursive: true, force: true, maxRetries: 2 });
  };
}
