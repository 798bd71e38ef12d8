/**
 * The same copy prints to the same bytes whatever fonts the machine has:
 * once with the machine's own font configuration (its aliases map Arial to
 * Liberation Sans) and once with a fresh machine's bare DejaVu and Liberation
 * folders (no aliases). A form control or any text left to the browser's
 * default font changes widths between the two, and Chromium then shrinks the
 * whole page to fit, moving every line and the answer sheet's marks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../helpers/build.js';
import { REPO, SHARED } from '../helpers/project.js';

const MACHINE = '/etc/fonts/fonts.conf';
const FRESH = path.join(SHARED, 'fonts/fresh-machine.conf');
const outs: string[] = [];
afterAll(() => outs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function printVersionA(fontconfig: string): Buffer {
  const out = mkdtempSync(path.join(tmpdir(), 'handout-fonts-'));
  outs.push(out);
  execFileSync(
    process.execPath,
    [BIN, 'quiz', 'missile-defense-unit', '--format', 'pdf', '--out', out, '--quiet'],
    { cwd: REPO, env: { ...process.env, FONTCONFIG_FILE: fontconfig }, stdio: 'pipe' },
  );
  return readFileSync(path.join(out, 'quizzes/missile-defense-unit/version-A.pdf'));
}

describe.runIf(existsSync(MACHINE))('printing on machines with other fonts', () => {
  beforeAll(ensureBuilt, 120_000);
  it('gives the same PDF bytes with the machine fonts and a fresh machine fonts', () => {
    expect(Buffer.compare(printVersionA(MACHINE), printVersionA(FRESH))).toBe(0);
  }, 120_000);
});
