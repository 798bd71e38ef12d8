/**
 * A run's commit: every staged file moved into out/, then the files of
 * earlier runs that this run owns and did not write again removed (see
 * OutputWriter.own), only once every new file is in place, so that a
 * commit that fails on the way removes nothing.
 */
import { readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings } from '../errors.js';
import { forEachLimited } from '../util/parallel.js';
import { FILES_AT_ONCE } from './files-at-once.js';
import type { Staging } from './staging.js';
import type { WrittenFile } from './written-file.js';

/** What a commit removed of earlier runs' files (see OutputWriter.own), relative to out/. */
export interface Removed {
  files: string[];
  /** Those of `files` made for what the project no longer has (a deleted quiz; see retire). */
  retired: string[];
  /** Owned folders the commit left empty, and so removed. */
  folders: string[];
}

/** Names of files handout makes in a folder that a run owns (see OutputWriter.own). */
export interface Owner {
  names: RegExp;
  /** Removed without being named (review pictures no one prints). */
  silent: boolean;
}

/** An owned folder of out/ at commit (see ownedFolders). */
interface OwnedFolder {
  path: string;
  stale: { path: string; silent: boolean }[];
  foreign: string[];
  written: boolean;
  swap: boolean;
}

/**
 * Moves `written` (every staged file, sorted) into out/ and removes the
 * stale files of the folders `owned` names; adds to `removed` what the
 * teacher is told is gone.
 */
export async function moveIntoPlace(
  staging: Staging,
  written: readonly WrittenFile[],
  owned: ReadonlyMap<string, readonly Owner[]>,
  removed: Removed,
): Promise<void> {
  const { outDir } = staging;
  const folders = await ownedFolders(staging, owned);
  const swapped = new Set<string>();
  for (const folder of folders.filter((f) => f.swap)) {
    await swapFolder(staging, folder, swapped.size);
    swapped.add(folder.path);
  }
  const loose = written.filter((file) => !swapped.has(path.posix.dirname(file.path)));
  // Renames in any order reach the same out/: several at once keep the disk busy.
  await forEachLimited(loose, FILES_AT_ONCE, async (file) => {
    const target = path.join(outDir, file.path);
    await staging.makeFolder(path.dirname(target));
    await rename(path.join(staging.folder, file.path), target);
  });
  // A swapped folder's stale files went with its old folder.
  const stale = folders.flatMap((folder) => (folder.swap ? [] : folder.stale));
  await forEachLimited(stale, FILES_AT_ONCE, (file) =>
    rm(path.join(outDir, file.path), { force: true }),
  );
  for (const folder of folders) {
    const named = folder.stale.filter((file) => !file.silent).map((file) => file.path);
    removed.files.push(...named);
    if (folder.written || folder.stale.length === 0) continue;
    // An owned folder the run wrote nothing into and left empty goes too
    // (copies/ after a PDF-only run); one holding a teacher's file stays.
    if ((await removeIfEmpty(path.join(outDir, folder.path))) && named.length > 0)
      removed.folders.push(folder.path);
  }
}

/** Removes `folder` if it is empty; whether it did. */
export function removeIfEmpty(folder: string): Promise<boolean> {
  return rmdir(folder).then(
    () => true,
    () => false,
  );
}

/**
 * Each owned folder as out/ holds it: the files of owned names this run
 * did not write (stale), the others (foreign: the teacher's), and whether
 * the run wrote into it. A folder the run wrote into, with no folder
 * inside it on either side (a class's copies/), is swapped whole
 * (swapFolder): two renames instead of one per file, for 2,000 pages.
 */
async function ownedFolders(
  staging: Staging,
  owned: ReadonlyMap<string, readonly Owner[]>,
): Promise<OwnedFolder[]> {
  const direct = new Set<string>();
  const nested = new Set<string>();
  for (const file of staging.files.keys()) {
    let folder = path.posix.dirname(file);
    direct.add(folder);
    while ((folder = path.posix.dirname(folder)) !== '.') nested.add(folder);
  }
  const folders: OwnedFolder[] = [];
  for (const [folder, owners] of [...owned].sort(([a], [b]) => compareStrings(a, b))) {
    const entries = await readdir(path.join(staging.outDir, folder), {
      withFileTypes: true,
    }).catch(() => []);
    const found: OwnedFolder = {
      path: folder,
      stale: [],
      foreign: [],
      written: false,
      swap: false,
    };
    let subfolders = nested.has(folder);
    for (const entry of entries.sort((a, b) => compareStrings(a.name, b.name))) {
      if (entry.isDirectory()) subfolders = true;
      else if (staging.files.has(`${folder}/${entry.name}`)) continue;
      else {
        const of = owners.filter((owner) => owner.names.test(entry.name));
        if (of.length === 0) found.foreign.push(entry.name);
        else
          found.stale.push({
            path: `${folder}/${entry.name}`,
            silent: of.every((o) => o.silent),
          });
      }
    }
    found.written = direct.has(folder) || nested.has(folder);
    found.swap = direct.has(folder) && !subfolders;
    folders.push(found);
  }
  return folders;
}

/**
 * Puts a staged folder in place of the one in out/ by two renames, so
 * out/ never holds a mix of two runs' files; the teacher's own files in
 * it are moved into the new one first. The old folder, with the files
 * this run did not write again, goes with the staging folder.
 */
async function swapFolder(staging: Staging, folder: OwnedFolder, n: number): Promise<void> {
  const target = path.join(staging.outDir, folder.path);
  const staged = path.join(staging.folder, folder.path);
  const aside = path.join(staging.folder, `.replaced-${n}`);
  const moved: string[] = [];
  try {
    for (const name of folder.foreign) {
      await rename(path.join(target, name), path.join(staged, name));
      moved.push(name);
    }
    await rename(target, aside).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await staging.makeFolder(path.dirname(target));
    await rename(staged, target);
  } catch (error) {
    // out/ as it was: the old folder back in its place, the teacher's files in it.
    await rename(aside, target).catch(() => undefined);
    for (const name of moved)
      await rename(path.join(staged, name), path.join(target, name)).catch(() => undefined);
    throw error;
  }
}
