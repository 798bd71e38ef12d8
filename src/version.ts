/** handout's own version, from package.json. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRootFrom } from './util/package-root.js';

export function handoutVersion(): string {
  const file = path.join(packageRootFrom(import.meta.url), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
