/**
 * Retiring the files an earlier run made for what the project no longer
 * has (a deleted quiz), once a run commits: each is removed if this run
 * did not write it and its bytes are still those that run wrote (a file
 * edited since is the teacher's), and so is each folder that leaves empty,
 * up to the top folders of out/.
 */
import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings } from '../errors.js';
import { forEachLimited } from '../util/parallel.js';
import { FILES_AT_ONCE } from './files-at-once.js';
import { removeIfEmpty, type Removed } from './commit.js';
import { fileSha256 } from './written-file.js';

/** A file an earlier run wrote, as its manifest names it. */
export interface RetiringFile {
  path: string;
  sha256: string;
}

/** See above: the unchanged files, then the folders they leave empty, deepest first. */
export async function removeRetired(
  outDir: string,
  retiring: readonly RetiringFile[],
  written: ReadonlyMap<string, unknown>,
  removed: Removed,
): Promise<void> {
  const gone: string[] = [];
  await forEachLimited(retiring, FILES_AT_ONCE, async (file) => {
    if (written.has(file.path)) return;
    const target = path.join(outDir, file.path);
    const stats = await lstat(target).catch(() => undefined);
    if (!stats?.isFile() || (await fileSha256(target)) !== file.sha256) return;
    await rm(target, { force: true });
    gone.push(file.path);
  });
  removed.files.push(...gone.sort(compareStrings));
  removed.retired.push(...gone);
  const folders = new Set<string>();
  for (const file of gone)
    for (let dir = path.posix.dirname(file); dir.includes('/'); dir = path.posix.dirname(dir))
      folders.add(dir);
  // Deepest first, so that a class's copies/ goes before its class folder and that before the quiz's.
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    if (await removeIfEmpty(path.join(outDir, folder))) removed.folders.push(folder);
  }
}
