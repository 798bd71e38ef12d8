/** The compiled CLI (dist/bin.js), for tests that run handout in its own process as a teacher would. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './project.js';

export const BIN = path.join(REPO, 'dist/bin.js');

/** dist/ is what `npm test` builds first; compile it here too when src/ is newer (a run of vitest alone). */
export function ensureBuilt(): void {
  const newest = (dir: string): number =>
    Math.max(
      ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map(
        (f) => statSync(path.join(dir, f)).mtimeMs,
      ),
    );
  if (existsSync(BIN) && statSync(BIN).mtimeMs >= newest(path.join(REPO, 'src'))) return;
  const tsc = spawnSync(
    process.execPath,
    [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  );
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
}
