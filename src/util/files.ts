/** File listing that never depends on file-system order. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings } from '../errors.js';

/**
 * Every file under `dir` whose name ends with one of `extensions`, sorted by
 * relative path. Folders named in `skip` (relative to `dir`) are left out.
 * A missing folder yields an empty list.
 */
export async function listFiles(
  dir: string,
  extensions: readonly string[],
  skip: readonly string[] = [],
): Promise<string[]> {
  const found: string[] = [];
  async function walk(current: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      const relative = path.relative(dir, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (!skip.includes(relative) && !entry.name.startsWith('.')) await walk(full);
      } else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext))) {
        found.push(full);
      }
    }
  }
  await walk(dir);
  return found.sort((a, b) => compareStrings(path.relative(dir, a), path.relative(dir, b)));
}

export async function exists(file: string): Promise<boolean> {
  try {
    await readdir(path.dirname(file));
    const { access } = await import('node:fs/promises');
    await access(file);
    return true;
  } catch {
    return false;
  }
}
