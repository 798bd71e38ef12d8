/** `handout init DIR`: a small project that passes lint, to start from. */
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { HandoutError } from './errors.js';
import { BUILTIN_TEMPLATES, SCHEMA_DIR } from './project.js';
import type { Io } from './cli/io.js';
import { relativeTo } from './cli/report.js';

export const STARTER_DIR = path.join(BUILTIN_TEMPLATES, 'starter');

export async function initCommand(dir: string, io: Io): Promise<number> {
  const target = path.resolve(io.cwd, dir);
  const entries = await readdir(target).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new HandoutError(
      `${relativeTo(io.cwd, target)} already exists and is not empty; choose a new folder name so nothing of yours is overwritten`,
      { code: 'init-not-empty' },
    );
  }
  await cp(STARTER_DIR, target, { recursive: true, errorOnExist: true, force: false });
  await cp(SCHEMA_DIR, path.join(target, 'schema'), { recursive: true });
  const shown = relativeTo(io.cwd, target);
  io.stderr(
    `Created ${shown}: corpus/ (one article), questions/ (a few questions and a quiz blueprint), schema/.\n` +
      `Next: cd ${shown} && handout preview --open\n` +
      '  (your pages in the browser, updated each time you save; then "handout build" writes them to out/)\n',
  );
  return 0;
}
