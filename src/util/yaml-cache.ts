/**
 * js-yaml's reading of the bank's files, kept between runs. Reading the
 * bundled bank's YAML (220 kB with the reference files) was the largest
 * step on a class pack's way to its first print, some 30-40 ms of CPU:
 * js-yaml's code runs cold in every new process. The same data back from
 * JSON takes 2-3 ms, so each file's data (and where each of its mappings
 * and lists starts, which messages need) is kept as JSON, and used again
 * only while the file's text is exactly the one it was read from: the key
 * is a hash of the text, so an edited file is read again, whatever its
 * date says.
 *
 * One entry per file (named by a hash of its path) in a folder of this
 * user's own in the temporary folder: a cache, not part of the project, so
 * nothing is written beside the teacher's files, and the system may clear
 * it at any time. Data JSON cannot hold as js-yaml gave it (.inf, .nan,
 * -0) is never kept. Anything going wrong with the cache only means the
 * file is read again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ownFolder, userFolderName } from './own-folder.js';

/** Bump when what readYaml keeps changes (util/yaml-fast.ts): older entries are then ignored. */
const FORMAT = 'yaml-cache 1';

/**
 * Entries kept at most (one per file read; the bundled project has 20): a
 * run that writes new ones removes the oldest past this, so files read
 * once (a benchmark's throw-away projects, say) do not pile up.
 */
export const MAX_ENTRIES = 1000;

/** js-yaml's data for a text and where each of its mappings and lists starts (an offset). */
export interface CachedYaml {
  data: unknown;
  starts: WeakMap<object, number>;
}

export class YamlCache {
  /** Entries read or made in this run, to be written by save(). */
  private readonly pending = new Map<string, string>();

  /** `folder`: where the entries are; `version`: handout's, part of every key. */
  constructor(
    private readonly folder: string,
    private readonly version: string,
  ) {}

  /** The cache in this user's folder of the temporary folder, or none if that folder is not usable. */
  static async open(version: string, tempDir = os.tmpdir()): Promise<YamlCache | undefined> {
    const folder = path.join(tempDir, userFolderName('handout-cache'));
    return (await ownFolder(folder)) ? new YamlCache(folder, version) : undefined;
  }

  /** What js-yaml read from `text` of `file`, if this very text was read before. */
  get(file: string, text: string): CachedYaml | undefined {
    let entry: { key?: unknown; starts?: unknown; data?: unknown };
    try {
      entry = JSON.parse(readFileSync(this.entryPath(file), 'utf8')) as typeof entry;
    } catch {
      return undefined;
    }
    if (entry.key !== this.key(text) || !Array.isArray(entry.starts)) return undefined;
    const objects = objectsOf(entry.data);
    if (objects.length !== entry.starts.length) return undefined;
    const starts = new WeakMap<object, number>();
    objects.forEach((object, i) => {
      const start = (entry.starts as unknown[])[i];
      if (typeof start === 'number' && start >= 0) starts.set(object, start);
    });
    return { data: entry.data, starts };
  }

  /**
   * Keeps js-yaml's reading of `text` for the next run. Serialised now:
   * the loaders may change the data they were given.
   */
  set(file: string, text: string, { data, starts }: CachedYaml): void {
    if (!jsonSafe(data)) return;
    const offsets = objectsOf(data).map((object) => starts.get(object) ?? -1);
    this.pending.set(
      this.entryPath(file),
      `{"key":${JSON.stringify(this.key(text))},"starts":${JSON.stringify(offsets)},"data":${JSON.stringify(data)}}`,
    );
  }

  /** Writes the entries made in this run, each whole or not at all; never fails. */
  async save(): Promise<void> {
    const entries = [...this.pending];
    this.pending.clear();
    if (entries.length === 0) return;
    await Promise.all(
      entries.map(async ([file, json]) => {
        const temporary = `${file}.${process.pid}.tmp`;
        try {
          await writeFile(temporary, json, { mode: 0o600 });
          await rename(temporary, file);
        } catch {
          await rm(temporary, { force: true }).catch(() => undefined);
        }
      }),
    );
    await this.prune().catch(() => undefined);
  }

  /** Removes the entries written longest ago past MAX_ENTRIES. */
  private async prune(): Promise<void> {
    const names = (await readdir(this.folder)).filter((name) => /^[0-9a-f]{40}\.json$/.test(name));
    if (names.length <= MAX_ENTRIES) return;
    const dated = await Promise.all(
      names.map(async (name) => {
        const file = path.join(this.folder, name);
        return { file, written: (await stat(file).catch(() => undefined))?.mtimeMs ?? 0 };
      }),
    );
    dated.sort((a, b) => a.written - b.written || (a.file < b.file ? -1 : 1));
    await Promise.all(
      dated.slice(0, names.length - MAX_ENTRIES).map(({ file }) => rm(file, { force: true })),
    );
  }

  private entryPath(file: string): string {
    return path.join(
      this.folder,
      `${createHash('sha1').update(path.resolve(file)).digest('hex')}.json`,
    );
  }

  private key(text: string): string {
    return createHash('sha1').update(`${FORMAT}\0${this.version}\0${text}`).digest('hex');
  }
}

/** Every mapping and list in `data`, parents before children, in key order: the same for a copy made through JSON. */
function objectsOf(data: unknown): object[] {
  const objects: object[] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    objects.push(value);
    for (const child of Object.values(value)) visit(child);
  };
  visit(data);
  return objects;
}

/** Whether JSON gives `data` back as it is: numbers JSON cannot write (.inf, .nan, -0.0) make it not. */
function jsonSafe(data: unknown): boolean {
  if (typeof data === 'number') return Number.isFinite(data) && !Object.is(data, -0);
  if (data === null || typeof data !== 'object') return true;
  return Object.values(data).every(jsonSafe);
}
