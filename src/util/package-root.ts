/**
 * The folder of handout's own package.json. Found by walking up from the
 * running file rather than by a fixed number of `..`: the same code runs as
 * tsc's one file per module (dist/project.js) and inside the bundle's chunks
 * (dist/chunks/*.js), which sit at different depths.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRootFrom(moduleUrl: string): string {
  const start = path.dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..');
  }
}
