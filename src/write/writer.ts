/**
 * The one writer of out/. Stages never write files themselves: they hand
 * their outputs here. Files are staged in a hidden folder inside the output
 * folder (staging.ts) and moved into place only when the whole run has
 * succeeded (commit.ts); a failed run removes the staging folder and
 * leaves out/ as it was. A run killed outright cannot clean up after
 * itself: the next run removes its staging folder. Files of an earlier run
 * that this one owns (own) and did not write are removed as it commits.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareStrings } from '../errors.js';
import { moveIntoPlace, type Owner, type Removed } from './commit.js';
import { FontAssets } from './font-assets.js';
import { removeRetired, type RetiringFile } from './retire.js';
import { removeStaleStaging, Staging } from './staging.js';
import { writtenFile, type WrittenFile } from './written-file.js';

/** A staged file written piece by piece; see OutputWriter.open. */
export interface StagedFile {
  /** Appends bytes; wait for one write before the next. */
  write(bytes: Uint8Array): Promise<void>;
  /** Ends the file; it is moved into place with the rest when the run succeeds. */
  close(): Promise<void>;
}

/** Files smaller than this are written synchronously (see OutputWriter.add). */
const SYNC_WRITE_BELOW = 1024 * 1024;

export class OutputWriter {
  private readonly staging: Staging;
  private readonly fonts: FontAssets;
  /** Files being written piece by piece, closed if the run is aborted. */
  private readonly openFiles = new Set<FileHandle>();
  /** By folder, the names of the files handout makes there that this run owns (see own). */
  private readonly owned = new Map<string, Owner[]>();
  /** Files of earlier runs that the commit removed, relative to out/, and folders it left empty. */
  private readonly removedByCommit: Removed = { files: [], retired: [], folders: [] };
  /** Files of an earlier run to remove at commit if unchanged (see retire). */
  private readonly retiring: RetiringFile[] = [];
  /** Threads writing into the staging folder, stopped before it is removed. */
  private readonly writers = new Set<() => Promise<void>>();

  constructor(readonly outDir: string) {
    this.staging = new Staging(outDir);
    this.fonts = new FontAssets(this.staging);
  }

  /** The staging folder, for another thread that writes into it (see adopt). */
  get stagingFolder(): string {
    return this.staging.folder;
  }

  /**
   * Takes into the run files another thread wrote into the staging folder
   * (StagedFolder); `stop` halts that thread, should the run be aborted
   * while it still writes.
   */
  adopt(files: readonly WrittenFile[]): void {
    for (const file of files) {
      this.staging.resolve(file.path);
      this.staging.record({ path: file.path, bytes: file.bytes, sha256: file.sha256 });
    }
  }

  stopOnAbort(stop: () => Promise<void>): void {
    this.writers.add(stop);
  }

  /** Adds a file to the run. `relative` uses forward slashes and stays inside the output folder. */
  async add(relative: string, data: string | Uint8Array): Promise<void> {
    const target = this.staging.resolve(relative);
    await this.staging.makeFolder(path.dirname(target));
    this.staging.unlink(target);
    // Encoded once, for both the file and its hash.
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    // A page is staged in one call on this thread: for small files the thread
    // pool's three round trips (open, write, close) cost more CPU than the
    // write itself, and a class of 1,000 has 2,000 pages. Large files (PDFs)
    // are written in the pool, so that printing goes on meanwhile.
    if (buffer.length >= SYNC_WRITE_BELOW) {
      await writeFile(target, buffer);
      this.staging.record(writtenFile(relative, buffer));
    } else this.staging.put(relative, target, buffer);
  }

  /**
   * Adds a file written piece by piece, for outputs too large to hold (a
   * class pack of 1,000 copies): staged like any other, so a failed or
   * killed run never leaves it half-written in the output folder.
   */
  async open(relative: string): Promise<StagedFile> {
    const target = this.staging.resolve(relative);
    await mkdir(path.dirname(target), { recursive: true });
    this.staging.unlink(target);
    const handle = await open(target, 'w');
    this.openFiles.add(handle);
    const hash = createHash('sha256');
    let bytes = 0;
    return {
      write: async (data) => {
        let done = 0;
        while (done < data.length) {
          done += (await handle.write(data, done, data.length - done)).bytesWritten;
        }
        hash.update(data);
        bytes += data.length;
      },
      close: async () => {
        this.openFiles.delete(handle);
        await handle.close();
        this.staging.record({ path: relative, bytes, sha256: hash.digest('hex') });
      },
    };
  }

  /**
   * Stages the fonts pages refer to, assets/fonts.css and assets/fonts/, for
   * pages that use `characters` (see pageCharacters; once per run).
   */
  addAssets(characters: ReadonlySet<number>): Promise<void> {
    return this.fonts.addAssets(characters);
  }

  /**
   * Makes the staged assets cover a page that uses `characters` before it
   * is printed: stages the CJK files it needs and, if the stylesheet grows,
   * stages the new one (by a rename, so a page loading it never reads half
   * a file). Printing starts before every page is rendered; addAssets then
   * stages the stylesheet for all of them, the one that is kept.
   */
  coverCharacters(characters: Iterable<number>): Promise<void> {
    return this.fonts.coverCharacters(characters);
  }

  /**
   * Starts staging the font files that every page gets whatever its text
   * (all but the Chinese, Japanese and Korean ones; about a hundred files,
   * 2 MB), while the pages are still being rendered: printing waits for
   * the fonts, and rendering leaves the disk idle. addAssets adds the rest.
   */
  stageCommonFonts(): void {
    this.fonts.stageCommonFonts();
  }

  /**
   * Makes the files in `folder` (not below it) whose names match `names`
   * this run's: once it commits, those are exactly the ones it wrote, and
   * the others an earlier run left there (a version or a format this run
   * did not make) are removed, so that a teacher printing the folder prints
   * only this run's documents. Files of any other name (the teacher's own,
   * another mode's) are never touched. A failed run removes nothing.
   * `silent`: removed without being named (review pictures no one prints).
   */
  own(folder: string, names: RegExp, options: { silent?: boolean } = {}): void {
    this.staging.resolve(folder);
    const key = folder.replace(/\/+$/, '');
    this.owned.set(key, [
      ...(this.owned.get(key) ?? []),
      { names, silent: options.silent ?? false },
    ]);
  }

  /**
   * Files an earlier run wrote (its manifest's path and SHA-256) for
   * something the project no longer has (a deleted quiz): removed once the
   * run commits if still as that run left them (see retire.ts). Named in
   * removed(); a failed run removes nothing.
   */
  retire(files: readonly RetiringFile[]): void {
    for (const file of files) {
      this.staging.resolve(file.path);
      this.retiring.push(file);
    }
  }

  /** file:// URL of a staged folder: pages printed from there find their assets. */
  stagedUrl(relativeDir: string): string {
    return pathToFileURL(this.staging.resolve(relativeDir) + path.sep).href;
  }

  /**
   * Files an earlier run left among those this run owns that it did not
   * write again, sorted, and the owned folders that left empty: they are
   * gone once the run commits, and the teacher is told so (documents they
   * may have printed from before).
   */
  removed(): Removed {
    const { files, retired, folders } = this.removedByCommit;
    return { files: [...files], retired: [...retired], folders: [...folders] };
  }

  /** Files added so far, sorted by path. */
  written(): WrittenFile[] {
    return [...this.staging.files.values()].sort((a, b) => compareStrings(a.path, b.path));
  }

  /**
   * Moves every staged file into place, then removes the owned files this
   * run did not write (see own) and the retired ones (see retire).
   */
  async commit(): Promise<WrittenFile[]> {
    this.fonts.finish();
    try {
      await moveIntoPlace(this.staging, this.written(), this.owned, this.removedByCommit);
      await removeRetired(this.outDir, this.retiring, this.staging.files, this.removedByCommit);
    } finally {
      await this.removeStaging();
    }
    return this.written();
  }

  /** Drops everything staged; out/ is left as it was. Safe to call twice. */
  async abort(): Promise<void> {
    this.fonts.finish();
    await this.removeStaging();
  }

  private async removeStaging(): Promise<void> {
    await Promise.all([...this.writers].map((stop) => stop().catch(() => undefined)));
    this.writers.clear();
    for (const handle of this.openFiles) await handle.close().catch(() => undefined);
    this.openFiles.clear();
    await this.fonts.settled();
    await this.staging.remove();
  }
}

/**
 * Runs `fn` with a writer and commits on success; on any error (or Ctrl-C
 * through `onInterrupt`) the staged files are removed.
 */
export async function withWriter<T>(
  outDir: string,
  fn: (writer: OutputWriter) => Promise<T>,
  onInterrupt?: (cleanup: () => Promise<void>) => () => void,
): Promise<{ result: T; files: WrittenFile[]; removed: Removed }> {
  await removeStaleStaging(outDir);
  const writer = new OutputWriter(outDir);
  const unregister = onInterrupt?.(() => writer.abort());
  try {
    const result = await fn(writer);
    const files = await writer.commit();
    return { result, files, removed: writer.removed() };
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    unregister?.();
  }
}
