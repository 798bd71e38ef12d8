/**
 * Files written into a run's staging folder from another thread (a large
 * class's pages, see produce/class-pages.ts), one call each (open, write,
 * close; or a link, see stage-file.ts), with what OutputWriter.adopt needs
 * to know. Each path is written once.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { stagedPath } from './staging.js';
import { stageFile } from './stage-file.js';
import { writtenFile, type WrittenFile } from './written-file.js';

export class StagedFolder {
  private readonly folders = new Set<string>();
  /** The output folder: staging folders are made inside it (OutputWriter). */
  private readonly outDir: string;

  constructor(private readonly staging: string) {
    this.outDir = path.dirname(staging);
  }

  write(relative: string, html: string): WrittenFile {
    const target = stagedPath(this.staging, relative);
    const dir = path.dirname(target);
    if (!this.folders.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.folders.add(dir);
    }
    const buffer = Buffer.from(html, 'utf8');
    stageFile(target, path.join(this.outDir, relative), buffer);
    return writtenFile(relative, buffer);
  }
}
