/**
 * Folders of this user's own in a shared temporary folder. Anyone may
 * create names in /tmp, so a folder handout keeps things in there (browser
 * profiles, cached readings of the bank) is used only if it is a real
 * folder (not a link) owned by this user, and is made readable by this user
 * alone.
 */
import { lstat, mkdir } from 'node:fs/promises';

/** Whether `folder` is a real folder of this user's. */
export async function isOwnFolder(folder: string): Promise<boolean> {
  const stats = await lstat(folder).catch(() => undefined);
  const uid = process.getuid?.();
  return !!stats?.isDirectory() && (uid === undefined || stats.uid === uid);
}

/** Makes `folder` (closed to others) unless it exists; whether it is this user's to use. */
export async function ownFolder(folder: string): Promise<boolean> {
  await mkdir(folder, { mode: 0o700 }).catch(() => undefined);
  return isOwnFolder(folder);
}

/** The name of a folder of this user's in the temporary folder: `<name>-<uid>`. */
export function userFolderName(name: string): string {
  return `${name}-${process.getuid?.() ?? 'user'}`;
}
