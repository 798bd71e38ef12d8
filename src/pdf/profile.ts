/**
 * Chromium's profile folder (--user-data-dir) for each browser handout
 * starts. Left to itself, puppeteer makes a temporary profile and removes
 * it when the browser exits, but only from within handout: after kill -9 of
 * handout nobody does, and its name (puppeteer_dev_chrome_profile-*) does
 * not say whose it was. So handout makes the folder itself, named after its
 * process (<pid>-<random>, like out/.staging-<pid>-*), removes it once the
 * browser has exited, and removes the folders of processes that no longer
 * exist once per run.
 *
 * The folders live in one folder of this user's in the temporary folder
 * (handout-chromium-<uid>/), not loose in it, so that they are out of
 * other users' reach. Profiles found loose in the temporary folder
 * (handout-chromium-<pid>-<random>: the fallback when that folder cannot
 * be used, and where earlier versions put every profile) are handout's
 * too: the temporary folder is listed for them once a run, while the
 * browser starts, never on the way to the first print (a few ms per
 * thousand entries, in the thread pool).
 */
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isOwnFolder, ownFolder, userFolderName } from '../util/own-folder.js';
import { processExists } from '../util/process-exists.js';

const NAME = /^(\d+)-[A-Za-z0-9]{6}$/;
/** A profile loose in the temporary folder: createProfile's fallback, and every profile of earlier versions. */
const LOOSE = /^handout-chromium-(\d+)-[A-Za-z0-9]{6}$/;

/** This user's folder of profiles in `tempDir`. */
export function profilesFolder(tempDir = os.tmpdir()): string {
  return path.join(tempDir, userFolderName('handout-chromium'));
}

/**
 * A new, empty profile folder for one browser. If this user's folder of
 * profiles cannot be made or is not this user's, the profile goes straight
 * into the temporary folder (handout-chromium-<pid>-<random>): printing
 * does not depend on it, only the later clean-up does.
 */
export async function createProfile(tempDir = os.tmpdir()): Promise<string> {
  // A browser profile must not go where another user could read or replace it.
  const folder = profilesFolder(tempDir);
  if (await ownFolder(folder)) return mkdtemp(path.join(folder, `${process.pid}-`));
  return mkdtemp(path.join(tempDir, `handout-chromium-${process.pid}-`));
}

/** Removes a profile once its browser has exited. A folder that will not go does not fail the run. */
export async function removeProfile(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
}

/**
 * Removes the profiles that handout runs killed outright left and returns
 * them: only folders named as createProfile names them whose process no
 * longer exists, in this user's folder of profiles and loose in the
 * temporary folder (where the fallback puts them, and where handout put
 * every profile before it had a folder of its own: those were never
 * removed). This process's own folders are its browsers' (removed as each
 * exits); a process id already in use again by another program keeps its
 * folder until a later run.
 */
export async function removeStaleProfiles(tempDir = os.tmpdir()): Promise<string[]> {
  const folder = profilesFolder(tempDir);
  const [inFolder, loose] = await Promise.all([
    isOwnFolder(folder).then((own) => (own ? staleIn(folder, NAME) : [])),
    staleIn(tempDir, LOOSE),
  ]);
  return [...inFolder, ...loose];
}

/**
 * Removes the folders in `folder` named by `name` (its first group: the
 * process id) whose process no longer exists: real folders (not links)
 * of this user's only, since anyone may create names in /tmp.
 */
async function staleIn(folder: string, name: RegExp): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const entry of names) {
    const pid = Number(name.exec(entry)?.[1]);
    if (!pid || pid === process.pid || processExists(pid)) continue;
    const profile = path.join(folder, entry);
    const stats = await lstat(profile).catch(() => undefined);
    if (!stats?.isDirectory() || (uid !== undefined && stats.uid !== uid)) continue;
    await rm(profile, { recursive: true, force: true, maxRetries: 2 }).then(
      () => removed.push(profile),
      () => undefined,
    );
  }
  return removed;
}

const cleaning = new Map<string, Promise<string[]>>();

/**
 * removeStaleProfiles, once per process and temporary folder: the browser's
 * launch starts it (without waiting: a new profile is named after this
 * process, which the clean-up never touches) and a run that writes files
 * waits for the same clean-up before it ends.
 */
export function removeStaleProfilesOnce(tempDir = os.tmpdir()): Promise<string[]> {
  let done = cleaning.get(tempDir);
  if (!done) {
    done = removeStaleProfiles(tempDir).catch(() => []);
    cleaning.set(tempDir, done);
  }
  return done;
}
