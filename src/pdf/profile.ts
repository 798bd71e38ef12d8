/**
 * Chromium's profile folder (--user-data-dir) for each browser handout
 * starts. Left to itself, puppeteer makes a temporary profile and removes
 * it when the browser exits, but only from within handout: after kill -9 of
 * handout nobody does, and its name (puppeteer_dev_chrome_profile-*) does
 * not say whose it was. So handout makes the folder itself, named after its
 * process (handout-chromium-<pid>-<random>, like out/.staging-<pid>-*),
 * removes it once the browser has exited, and removes the folders of
 * processes that no longer exist at the start of every run that writes
 * files and before it starts a browser.
 */
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { processExists } from '../util/process-exists.js';

const PREFIX = 'handout-chromium-';
const NAME = /^handout-chromium-(\d+)-[A-Za-z0-9]{6}$/;

/** A new, empty profile folder in `tempDir` for one browser. */
export async function createProfile(tempDir = os.tmpdir()): Promise<string> {
  return mkdtemp(path.join(tempDir, `${PREFIX}${process.pid}-`));
}

/** Removes a profile once its browser has exited. A folder that will not go does not fail the run. */
export async function removeProfile(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
}

/**
 * Removes the profiles that handout runs killed outright left in `tempDir`
 * and returns them: only folders named as createProfile names them, owned
 * by this user, whose process no longer exists. This process's own folders
 * are its browsers' (removed as each exits), and anything else in the
 * temporary folder is not ours to judge; a process id already in use again
 * by another program keeps its folder until a later run.
 */
export async function removeStaleProfiles(tempDir = os.tmpdir()): Promise<string[]> {
  const names = await readdir(tempDir).catch(() => [] as string[]);
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const name of names) {
    const pid = Number(NAME.exec(name)?.[1]);
    if (!pid || pid === process.pid || processExists(pid)) continue;
    const folder = path.join(tempDir, name);
    const stats = await lstat(folder).catch(() => undefined);
    if (!stats?.isDirectory() || (uid !== undefined && stats.uid !== uid)) continue;
    await rm(folder, { recursive: true, force: true, maxRetries: 2 }).then(
      () => removed.push(folder),
      () => undefined,
    );
  }
  return removed;
}
