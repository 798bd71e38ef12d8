/**
 * The fonts a run's pages refer to, staged beside them: assets/fonts.css
 * and the font files it names under assets/fonts/. Each file is copied
 * once; the stylesheet grows as pages with new characters (Chinese,
 * Japanese, Korean) come, and is replaced by a rename, so a page loading
 * it never reads half a file.
 */
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fontAssetsFor } from '../render/fonts.js';
import { forEachLimited } from '../util/parallel.js';
import { FILES_AT_ONCE } from './files-at-once.js';
import type { Staging } from './staging.js';
import { writtenFile } from './written-file.js';

/** Where shared assets (fonts) live, relative to the output folder. */
export const ASSETS_DIR = 'assets';

export class FontAssets {
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
  /** Set once the run commits or is aborted: after an abort the staging folder is gone. */
  private finished = false;

  constructor(private readonly staging: Staging) {}

  /** See OutputWriter.addAssets. */
  async addAssets(characters: ReadonlySet<number>): Promise<void> {
    if (this.assetsStaged) return;
    this.assetsStaged = true;
    await this.updateFonts(characters, true);
  }

  /** See OutputWriter.coverCharacters. */
  coverCharacters(characters: Iterable<number>): Promise<void> {
    return this.updateFonts(characters, false);
  }

  /** See OutputWriter.stageCommonFonts. */
  stageCommonFonts(): void {
    void forEachLimited(fontAssetsFor(new Set()).files, FILES_AT_ONCE, (font) =>
      // A failure is reported by addAssets, which waits for the same copy.
      this.stageFont(font).catch(() => undefined),
    );
  }

  /** No font file starts being staged from now on. */
  finish(): void {
    this.finished = true;
  }

  /** Waits for the font copies under way, which would otherwise write into a folder being removed. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.fonts.values());
  }

  private updateFonts(characters: Iterable<number>, final = false): Promise<void> {
    for (const character of characters) this.fontCharacters.add(character);
    this.fontsQueue = this.fontsQueue.then(() => this.stageFonts(final));
    return this.fontsQueue;
  }

  private async stageFonts(final: boolean): Promise<void> {
    // Fonts an earlier run left in out/ stay listed, so its pages keep working.
    const present = await (this.presentFonts ??= readdir(
      path.join(this.staging.outDir, ASSETS_DIR, 'fonts'),
    ).catch(() => []));
    const { files, css } = fontAssetsFor(this.fontCharacters, present);
    await forEachLimited(files, FILES_AT_ONCE, (font) => this.stageFont(font));
    // URLs in a stylesheet are relative to the stylesheet itself.
    const relative = `${ASSETS_DIR}/fonts.css`;
    if (css !== this.stagedCss) {
      const target = this.staging.resolve(relative);
      await this.staging.makeFolder(path.dirname(target));
      this.cssVersions += 1;
      const next = `${target}.${this.cssVersions}.tmp`;
      await writeFile(next, css);
      await rename(next, target);
      this.stagedCss = css;
    }
    // Kept once addAssets asked for it, and updated by any chunk printed later.
    if (final || this.assetsStaged)
      this.staging.record(writtenFile(relative, Buffer.from(css, 'utf8')));
  }

  private stageFont(font: { name: string; source: string }): Promise<void> {
    let staged = this.fonts.get(font.name);
    // After an abort nothing more is staged: the staging folder is gone.
    if (!staged && this.finished) return Promise.resolve();
    if (!staged) {
      const relative = `${ASSETS_DIR}/fonts/${font.name}`;
      const target = this.staging.resolve(relative);
      staged = (async () => {
        await this.staging.makeFolder(path.dirname(target));
        // Read once, for both the copy and its hash; the same font an earlier run left is linked.
        this.staging.put(relative, target, await readFile(font.source));
      })();
      this.fonts.set(font.name, staged);
    }
    return staged;
  }
}
