/**
 * The one writer of out/. Stages never write files themselves: they hand
 * their outputs here. Files are staged in a hidden folder inside the output
 * folder (same file system, so renames are atomic) and moved into place only
 * when the whole run has succeeded; a failed run removes the staging folder
 * and leaves out/ as it was. A run killed outright cannot clean up after
 * itself: the next run removes its staging folder. Files of an earlier run
 * that this one owns (own) and did not write are removed as it commits.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, unlinkSync } from 'node:fs';
import {
  lstat,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  rmdir,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HandoutError, compareStrings } from '../errors.js';
import { fontAssetsFor } from '../render/fonts.js';
import { forEachLimited } from '../util/parallel.js';
import { processExists } from '../util/process-exists.js';
import { stageFile } from './stage-file.js';

export interface WrittenFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
}

/** What a commit removed of earlier runs' files (see OutputWriter.own), relative to out/. */
export interface Removed {
  files: string[];
  /** Those of `files` made for what the project no longer has (a deleted quiz; see retire). */
  retired: string[];
  /** Owned folders the commit left empty, and so removed. */
  folders: string[];
}

/** An owned folder of out/ at commit (see OutputWriter.ownedFolders). */
interface OwnedFolder {
  path: string;
  stale: { path: string; silent: boolean }[];
  foreign: string[];
  written: boolean;
  swap: boolean;
}

/** A staged file written piece by piece; see OutputWriter.open. */
export interface StagedFile {
  /** Appends bytes; wait for one write before the next. */
  write(bytes: Uint8Array): Promise<void>;
  /** Ends the file; it is moved into place with the rest when the run succeeds. */
  close(): Promise<void>;
}

/** Where shared assets (fonts) live, relative to the output folder. */
export const ASSETS_DIR = 'assets';

/** Files moved into place at once when a run commits, and font files staged at once. */
const RENAMES_AT_ONCE = 16;

/** Files smaller than this are written synchronously (see OutputWriter.add). */
const SYNC_WRITE_BELOW = 1024 * 1024;

/** Staging folders are named `.staging-<pid>-<time>`: the pid tells whether their run is still alive. */
const STAGING = /^\.staging-(\d+)-/;

/** Staging folders of writers in this process that are still open (a preview server may run several). */
const openStaging = new Set<string>();

export class OutputWriter {
  private readonly staging: string;
  private readonly files = new Map<string, WrittenFile>();
  private assetsStaged = false;
  /** Font files being staged or staged, by name: each is copied once. */
  private readonly fonts = new Map<string, Promise<void>>();
  /** Characters the staged fonts must cover so far, and the stylesheet last staged for them. */
  private readonly fontCharacters = new Set<number>();
  private stagedCss: string | undefined;
  /** Stylesheet updates, one at a time, in order. */
  private fontsQueue: Promise<void> = Promise.resolve();
  /** The font files an earlier run left in out/assets/fonts, read once. */
  private presentFonts: Promise<string[]> | undefined;
  private cssVersions = 0;
  /** Files being written piece by piece, closed if the run is aborted. */
  private readonly openFiles = new Set<FileHandle>();
  private finished = false;
  /** By folder, the names of the files handout makes there that this run owns (see own). */
  private readonly owned = new Map<string, { names: RegExp; silent: boolean }[]>();
  /** Files of earlier runs that the commit removed, relative to out/, and folders it left empty. */
  private readonly removedFiles: string[] = [];
  private readonly retiredFiles: string[] = [];
  private readonly removedFolders: string[] = [];
  /** Staged files that are links to unchanged files in out/ (see stage-file.ts), by staged path. */
  private readonly linked = new Set<string>();
  /** Files of an earlier run to remove at commit if unchanged (see retire). */
  private readonly retiring: { path: string; sha256: string }[] = [];

  constructor(readonly outDir: string) {
    this.staging = path.join(outDir, `.staging-${process.pid}-${Date.now().toString(36)}`);
    openStaging.add(this.staging);
  }

  /** The staging folder, for another thread that writes into it (see adopt). */
  get stagingFolder(): string {
    return this.staging;
  }

  /**
   * Takes into the run files another thread wrote into the staging folder
   * (StagedFolder); `stop` halts that thread, should the run be aborted
   * while it still writes.
   */
  adopt(files: readonly WrittenFile[]): void {
    for (const file of files) {
      this.resolve(file.path);
      this.files.set(file.path, { path: file.path, bytes: file.bytes, sha256: file.sha256 });
    }
  }

  /** Threads writing into the staging folder, stopped before it is removed. */
  private readonly writers = new Set<() => Promise<void>>();

  stopOnAbort(stop: () => Promise<void>): void {
    this.writers.add(stop);
  }

  /** Adds a file to the run. `relative` uses forward slashes and stays inside the output folder. */
  async add(relative: string, data: string | Uint8Array): Promise<void> {
    const target = this.resolve(relative);
    await this.folder(path.dirname(target));
    this.unlinkStaged(target);
    // Encoded once, for both the file and its hash.
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    // A page is staged in one call on this thread: for small files the thread
    // pool's three round trips (open, write, close) cost more CPU than the
    // write itself, and a class of 1,000 has 2,000 pages. Large files (PDFs)
    // are written in the pool, so that printing goes on meanwhile.
    if (buffer.length >= SYNC_WRITE_BELOW) await writeFile(target, buffer);
    else if (stageFile(target, path.join(this.outDir, relative), buffer)) this.linked.add(target);
    this.files.set(relative, { path: relative, bytes: buffer.length, sha256: sha256(buffer) });
  }

  /** A staged path written again must not write into the unchanged file in out/ it links to. */
  private unlinkStaged(target: string): void {
    if (this.linked.delete(target)) unlinkSync(target);
  }

  /** Folders made so far: 2,000 files in one folder ask for it once, not 2,000 times. */
  private readonly folders = new Map<string, Promise<unknown>>();

  private folder(dir: string): Promise<unknown> {
    let made = this.folders.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      this.folders.set(dir, made);
    }
    return made;
  }

  /**
   * Adds a file written piece by piece, for outputs too large to hold (a
   * class pack of 1,000 copies): staged like any other, so a failed or
   * killed run never leaves it half-written in the output folder.
   */
  async open(relative: string): Promise<StagedFile> {
    const target = this.resolve(relative);
    await mkdir(path.dirname(target), { recursive: true });
    this.unlinkStaged(target);
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
        this.files.set(relative, { path: relative, bytes, sha256: hash.digest('hex') });
      },
    };
  }

  /**
   * Stages the fonts pages refer to, assets/fonts.css and assets/fonts/, for
   * pages that use `characters` (see pageCharacters; once per run).
   */
  async addAssets(characters: ReadonlySet<number>): Promise<void> {
    if (this.assetsStaged) return;
    this.assetsStaged = true;
    await this.updateFonts(characters, true);
  }

  /**
   * Makes the staged assets cover a page that uses `characters` before it
   * is printed: stages the CJK files it needs and, if the stylesheet grows,
   * stages the new one (by a rename, so a page loading it never reads half
   * a file). Printing starts before every page is rendered; addAssets then
   * stages the stylesheet for all of them, the one that is kept.
   */
  coverCharacters(characters: Iterable<number>): Promise<void> {
    return this.updateFonts(characters, false);
  }

  private updateFonts(characters: Iterable<number>, final = false): Promise<void> {
    for (const character of characters) this.fontCharacters.add(character);
    this.fontsQueue = this.fontsQueue.then(() => this.stageFonts(final));
    return this.fontsQueue;
  }

  private async stageFonts(final: boolean): Promise<void> {
    // Fonts an earlier run left in out/ stay listed, so its pages keep working.
    const present = await (this.presentFonts ??= readdir(
      path.join(this.outDir, ASSETS_DIR, 'fonts'),
    ).catch(() => []));
    const { files, css } = fontAssetsFor(this.fontCharacters, present);
    await forEachLimited(files, RENAMES_AT_ONCE, (font) => this.stageFont(font));
    // URLs in a stylesheet are relative to the stylesheet itself.
    const relative = `${ASSETS_DIR}/fonts.css`;
    if (css !== this.stagedCss) {
      const target = this.resolve(relative);
      await this.folder(path.dirname(target));
      this.cssVersions += 1;
      const next = `${target}.${this.cssVersions}.tmp`;
      await writeFile(next, css);
      await rename(next, target);
      this.stagedCss = css;
    }
    // Kept once addAssets asked for it, and updated by any chunk printed later.
    if (final || this.assetsStaged) {
      const bytes = Buffer.from(css, 'utf8');
      this.files.set(relative, { path: relative, bytes: bytes.length, sha256: sha256(bytes) });
    }
  }

  /**
   * Starts staging the font files that every page gets whatever its text
   * (all but the Chinese, Japanese and Korean ones; about a hundred files,
   * 2 MB), while the pages are still being rendered: printing waits for
   * the fonts, and rendering leaves the disk idle. addAssets adds the rest.
   */
  stageCommonFonts(): void {
    void forEachLimited(fontAssetsFor(new Set()).files, RENAMES_AT_ONCE, (font) =>
      // A failure is reported by addAssets, which waits for the same copy.
      this.stageFont(font).catch(() => undefined),
    );
  }

  private stageFont(font: { name: string; source: string }): Promise<void> {
    let staged = this.fonts.get(font.name);
    // After an abort nothing more is staged: the staging folder is gone.
    if (!staged && this.finished) return Promise.resolve();
    if (!staged) {
      const relative = `${ASSETS_DIR}/fonts/${font.name}`;
      const target = this.resolve(relative);
      staged = (async () => {
        await this.folder(path.dirname(target));
        // Read once, for both the copy and its hash; the same font an earlier run left is linked.
        const data = await readFile(font.source);
        if (stageFile(target, path.join(this.outDir, relative), data)) this.linked.add(target);
        this.files.set(relative, { path: relative, bytes: data.length, sha256: sha256(data) });
      })();
      this.fonts.set(font.name, staged);
    }
    return staged;
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
    this.resolve(folder);
    const key = folder.replace(/\/+$/, '');
    this.owned.set(key, [
      ...(this.owned.get(key) ?? []),
      { names, silent: options.silent ?? false },
    ]);
  }

  /**
   * Files an earlier run wrote (its manifest's path and SHA-256) for
   * something the project no longer has (a deleted quiz): once the run
   * commits, each is removed if this run did not write it and its bytes are
   * still those (a file edited since is the teacher's), and so is each
   * folder that leaves empty, up to the top folders of out/. Named in
   * removed(); a failed run removes nothing.
   */
  retire(files: readonly { path: string; sha256: string }[]): void {
    for (const file of files) {
      this.resolve(file.path);
      this.retiring.push(file);
    }
  }

  /** file:// URL of a staged folder: pages printed from there find their assets. */
  stagedUrl(relativeDir: string): string {
    return pathToFileURL(this.resolve(relativeDir) + path.sep).href;
  }

  /**
   * Files an earlier run left among those this run owns that it did not
   * write again, sorted, and the owned folders that left empty: they are
   * gone once the run commits, and the teacher is told so (documents they
   * may have printed from before).
   */
  removed(): Removed {
    return {
      files: [...this.removedFiles],
      retired: [...this.retiredFiles],
      folders: [...this.removedFolders],
    };
  }

  /** Files added so far, sorted by path. */
  written(): WrittenFile[] {
    return [...this.files.values()].sort((a, b) => compareStrings(a.path, b.path));
  }

  /**
   * Moves every staged file into place, then removes the owned files this
   * run did not write (see own): only once every new file is in place, so
   * that a commit that fails on the way removes nothing.
   */
  async commit(): Promise<WrittenFile[]> {
    this.finished = true;
    try {
      const folders = await this.ownedFolders();
      const swapped = new Set<string>();
      for (const folder of folders.filter((f) => f.swap)) {
        await this.swapFolder(folder, swapped.size);
        swapped.add(folder.path);
      }
      const loose = this.written().filter((file) => !swapped.has(path.posix.dirname(file.path)));
      // Renames in any order reach the same out/: several at once keep the disk busy.
      await forEachLimited(loose, RENAMES_AT_ONCE, async (file) => {
        const target = path.join(this.outDir, file.path);
        await this.folder(path.dirname(target));
        await rename(path.join(this.staging, file.path), target);
      });
      // A swapped folder's stale files went with its old folder.
      const stale = folders.flatMap((folder) => (folder.swap ? [] : folder.stale));
      await forEachLimited(stale, RENAMES_AT_ONCE, (file) =>
        rm(path.join(this.outDir, file.path), { force: true }),
      );
      for (const folder of folders) {
        const named = folder.stale.filter((file) => !file.silent).map((file) => file.path);
        this.removedFiles.push(...named);
        if (folder.written || folder.stale.length === 0) continue;
        // An owned folder the run wrote nothing into and left empty goes too
        // (copies/ after a PDF-only run); one holding a teacher's file stays.
        const gone = await rmdir(path.join(this.outDir, folder.path)).then(
          () => true,
          () => false,
        );
        if (gone && named.length > 0) this.removedFolders.push(folder.path);
      }
      await this.removeRetired();
    } finally {
      await this.removeStaging();
    }
    return this.written();
  }

  /** See retire: the unchanged files, then the folders they leave empty, deepest first. */
  private async removeRetired(): Promise<void> {
    const removed: string[] = [];
    await forEachLimited(this.retiring, RENAMES_AT_ONCE, async (file) => {
      if (this.files.has(file.path)) return;
      const target = path.join(this.outDir, file.path);
      const stats = await lstat(target).catch(() => undefined);
      if (!stats?.isFile() || (await fileSha256(target)) !== file.sha256) return;
      await rm(target, { force: true });
      removed.push(file.path);
    });
    this.removedFiles.push(...removed.sort(compareStrings));
    this.retiredFiles.push(...removed);
    const folders = new Set<string>();
    for (const file of removed)
      for (let dir = path.posix.dirname(file); dir.includes('/'); dir = path.posix.dirname(dir))
        folders.add(dir);
    // Deepest first, so that a class's copies/ goes before its class folder and that before the quiz's.
    for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
      const gone = await rmdir(path.join(this.outDir, folder)).then(
        () => true,
        () => false,
      );
      if (gone) this.removedFolders.push(folder);
    }
  }

  /**
   * Each owned folder as out/ holds it: the files of owned names this run
   * did not write (stale), the others (foreign: the teacher's), and whether
   * the run wrote into it. A folder the run wrote into, with no folder
   * inside it on either side (a class's copies/), is swapped whole
   * (swapFolder): two renames instead of one per file, for 2,000 pages.
   */
  private async ownedFolders(): Promise<OwnedFolder[]> {
    const direct = new Set<string>();
    const nested = new Set<string>();
    for (const file of this.files.keys()) {
      let folder = path.posix.dirname(file);
      direct.add(folder);
      while ((folder = path.posix.dirname(folder)) !== '.') nested.add(folder);
    }
    const folders: OwnedFolder[] = [];
    for (const [folder, owners] of [...this.owned].sort(([a], [b]) => compareStrings(a, b))) {
      const entries = await readdir(path.join(this.outDir, folder), { withFileTypes: true }).catch(
        () => [],
      );
      const owned: OwnedFolder = {
        path: folder,
        stale: [],
        foreign: [],
        written: false,
        swap: false,
      };
      let subfolders = nested.has(folder);
      for (const entry of entries.sort((a, b) => compareStrings(a.name, b.name))) {
        if (entry.isDirectory()) subfolders = true;
        else if (this.files.has(`${folder}/${entry.name}`)) continue;
        else {
          const of = owners.filter((owner) => owner.names.test(entry.name));
          if (of.length === 0) owned.foreign.push(entry.name);
          else
            owned.stale.push({
              path: `${folder}/${entry.name}`,
              silent: of.every((o) => o.silent),
            });
        }
      }
      owned.written = direct.has(folder) || nested.has(folder);
      owned.swap = direct.has(folder) && !subfolders;
      folders.push(owned);
    }
    return folders;
  }

  /**
   * Puts a staged folder in place of the one in out/ by two renames, so
   * out/ never holds a mix of two runs' files; the teacher's own files in
   * it are moved into the new one first. The old folder, with the files
   * this run did not write again, goes with the staging folder.
   */
  private async swapFolder(folder: OwnedFolder, n: number): Promise<void> {
    const target = path.join(this.outDir, folder.path);
    const staged = path.join(this.staging, folder.path);
    const aside = path.join(this.staging, `.replaced-${n}`);
    const moved: string[] = [];
    try {
      for (const name of folder.foreign) {
        await rename(path.join(target, name), path.join(staged, name));
        moved.push(name);
      }
      await rename(target, aside).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await this.folder(path.dirname(target));
      await rename(staged, target);
    } catch (error) {
      // out/ as it was: the old folder back in its place, the teacher's files in it.
      await rename(aside, target).catch(() => undefined);
      for (const name of moved)
        await rename(path.join(staged, name), path.join(target, name)).catch(() => undefined);
      throw error;
    }
  }

  /** Drops everything staged; out/ is left as it was. Safe to call twice. */
  async abort(): Promise<void> {
    this.finished = true;
    await this.removeStaging();
  }

  private async removeStaging(): Promise<void> {
    await Promise.all([...this.writers].map((stop) => stop().catch(() => undefined)));
    this.writers.clear();
    for (const handle of this.openFiles) await handle.close().catch(() => undefined);
    this.openFiles.clear();
    // Font copies still under way would otherwise write into the folder being removed.
    await Promise.allSettled(this.fonts.values());
    await rm(this.staging, { recursive: true, force: true });
    openStaging.delete(this.staging);
  }

  get isFinished(): boolean {
    return this.finished;
  }

  private resolve(relative: string): string {
    const target = path.resolve(this.staging, relative);
    if (!target.startsWith(this.staging + path.sep)) {
      throw new HandoutError(`refusing to write "${relative}" outside the output folder`, {
        code: 'bad-output-path',
      });
    }
    return target;
  }
}

/**
 * Files written into a run's staging folder from another thread, one call
 * each (open, write, close; or a link, see stage-file.ts), with what
 * OutputWriter.adopt needs to know. Each path is written once.
 */
export class StagedFolder {
  private readonly folders = new Set<string>();
  /** The output folder: staging folders are made inside it (OutputWriter). */
  private readonly outDir: string;

  constructor(private readonly staging: string) {
    this.outDir = path.dirname(staging);
  }

  write(relative: string, html: string): WrittenFile {
    const target = path.resolve(this.staging, relative);
    if (!target.startsWith(this.staging + path.sep))
      throw new HandoutError(`refusing to write "${relative}" outside the output folder`, {
        code: 'bad-output-path',
      });
    const dir = path.dirname(target);
    if (!this.folders.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.folders.add(dir);
    }
    const buffer = Buffer.from(html, 'utf8');
    stageFile(target, path.join(this.outDir, relative), buffer);
    return { path: relative, bytes: buffer.length, sha256: sha256(buffer) };
  }
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a file, read in pieces (a class pack may be hundreds of MB). */
async function fileSha256(file: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
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
