/**
 * A run's staging folder: a hidden folder inside the output folder (same
 * file system, so moving a file into place is an atomic rename) where every
 * file of the run is put first, and what was put there. A run killed
 * outright cannot remove its own: the next run removes it
 * (removeStaleStaging).
 */
import { unlinkSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { HandoutError } from '../errors.js';
import { processExists } from '../util/process-exists.js';
import { stageFile } from './stage-file.js';
import { writtenFile, type WrittenFile } from './written-file.js';

/** Staging folders are named `.staging-<pid>-<time>`: the pid tells whether their run is still alive. */
const STAGING = /^\.staging-(\d+)-/;

/** Staging folders of writers in this process that are still open (a preview server may run several). */
const openStaging = new Set<string>();

export class Staging {
  /** The staging folder itself. */
  readonly folder: string;
  /** Files staged so far, by path relative to out/. */
  readonly files = new Map<string, WrittenFile>();
  /** Staged files that are links to unchanged files in out/ (see stage-file.ts), by staged path. */
  private readonly linked = new Set<string>();
  /** Folders made so far: 2,000 files in one folder ask for it once, not 2,000 times. */
  private readonly folders = new Map<string, Promise<unknown>>();

  constructor(readonly outDir: string) {
    this.folder = path.join(outDir, `.staging-${process.pid}-${Date.now().toString(36)}`);
    openStaging.add(this.folder);
  }

  /** Where `relative` is staged; refused if it would leave the output folder. */
  resolve(relative: string): string {
    return stagedPath(this.folder, relative);
  }

  /** Makes `dir` (staged or in out/) once. */
  makeFolder(dir: string): Promise<unknown> {
    let made = this.folders.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      this.folders.set(dir, made);
    }
    return made;
  }

  /**
   * Puts `data` at `target`, the staged path of `relative`, in one call on
   * this thread: a link to the file in out/ if that holds the same bytes.
   */
  put(relative: string, target: string, data: Uint8Array): void {
    if (stageFile(target, path.join(this.outDir, relative), data)) this.linked.add(target);
    this.record(writtenFile(relative, data));
  }

  record(file: WrittenFile): void {
    this.files.set(file.path, file);
  }

  /** A staged path written again must not write into the unchanged file in out/ it links to. */
  unlink(target: string): void {
    if (this.linked.delete(target)) unlinkSync(target);
  }

  /** Removes the staging folder and everything still in it. */
  async remove(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true });
    openStaging.delete(this.folder);
  }
}

/** `relative` inside the staging folder `staging`; refused if it would leave it. */
export function stagedPath(staging: string, relative: string): string {
  const target = path.resolve(staging, relative);
  if (!target.startsWith(staging + path.sep)) {
    throw new HandoutError(`refusing to write "${relative}" outside the output folder`, {
      code: 'bad-output-path',
    });
  }
  return target;
}

/**
 * Removes the staging folders that runs killed outright (kill -9, a power
 * cut) left in `outDir`: those whose process no longer exists, or that this
 * process no longer writes to. A folder of a run still going (another
 * handout writing to the same folder) is left alone. Cleaning up is a
 * courtesy: a folder that cannot be removed does not stop the run.
 */
export async function removeStaleStaging(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = STAGING.exec(name)?.[1];
    if (pid === undefined) continue;
    const folder = path.join(outDir, name);
    const stale =
      Number(pid) === process.pid ? !openStaging.has(folder) : !processExists(Number(pid));
    if (stale) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}
