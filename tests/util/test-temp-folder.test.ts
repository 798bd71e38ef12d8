/**
 * The test runs' own temporary folder (tests/helpers/temp-folder.ts): a
 * killed run's files must not pile up in /tmp, and nothing that is not a
 * dead test run's may be removed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTestFolders } from '../helpers/temp-folder.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'stale-tests-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('test runs in a temporary folder of their own', () => {
  it('runs this file inside a folder named after a live test run', () => {
    const name = path.basename(os.tmpdir());
    const pid = Number(/^handout-tests-(\d+)-[A-Za-z0-9]{6}$/.exec(name)?.[1]);
    expect([process.pid, process.ppid]).toContain(pid);
  });

  it('removes the folders of killed runs, with everything in them, and nothing else', () => {
    const dead = deadPid();
    const stale = path.join(base, `handout-tests-${dead}-Ab12Cd`);
    mkdirSync(path.join(stale, 'handout-build-x1', 'out'), { recursive: true });
    writeFileSync(path.join(stale, 'handout-build-x1', 'out', 'a.pdf'), '%PDF');
    const keep = [
      `handout-tests-${process.ppid}-Li12Ve`, // a run still going
      `handout-tests-${dead}-not-ours`,
      `handout-build-${dead}-Ab12Cd`, // a folder of a test, not of a run
    ];
    for (const name of keep) mkdirSync(path.join(base, name));
    writeFileSync(path.join(base, `handout-tests-${dead}-File01`), '');
    keep.push(`handout-tests-${dead}-File01`);
    expect(removeStaleTestFolders(base)).toEqual([stale]);
    expect(readdirSync(base).sort()).toEqual(keep.sort());
  });
});
