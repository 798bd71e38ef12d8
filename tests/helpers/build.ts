/**
 * The built CLI, dist/bin.js, for tests that run it in its own process as a
 * teacher would. `npm test` builds it first; a run of vitest alone after an
 * edit builds it here, the way `npm run build` does (tsc, then the bundle).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './project.js';

export const BIN = path.join(REPO, 'dist/bin.js');

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map(
      (f) => statSync(path.join(dir, f)).mtimeMs,
    ),
  );
}

export function ensureBuilt(): void {
  if (existsSync(BIN) && statSync(BIN).mtimeMs >= newest(path.join(REPO, 'src'))) return;
  const steps = [
    [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
    [path.join(REPO, 'scripts/bundle.mjs')],
  ];
  for (const step of steps) {
    const result = spawnSync(process.execPath, step, { cwd: REPO, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${step.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
}
