/**
 * What `handout build` removes of quizzes the project no longer has. A
 * teacher who deletes a blueprint expects its versions, keys, class packs,
 * exports and open-book packs to go with it, not to sit beside the current
 * ones. But out/ carries no mark of its own on each file, and a teacher may
 * keep things there (a copy of last year's quiz folder under another name),
 * so "made by handout" is taken from the one record out/ has: the files the
 * last run listed in manifest.json with their SHA-256 (formats.md §6). A
 * file is removed only if that run wrote it, it belongs to a quiz that is
 * no longer in the project, and its bytes are still the ones handout wrote
 * (the writer checks at commit, see OutputWriter.retire): an edited file is
 * the teacher's now. What an earlier run left and the last run did not
 * list stays.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Content } from '../content.js';
import { BANK_NAME } from '../export/types.js';
import { openBookNames } from './briefing-plan.js';
import { exportNames } from './export-plan.js';
import type { RetiredFile } from './plan.js';

/** The files the last run wrote into `outDir` (its manifest.json), or none if it cannot be read. */
export async function lastRunFiles(outDir: string): Promise<RetiredFile[]> {
  const text = await readFile(path.join(outDir, 'manifest.json'), 'utf8').catch(() => '');
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return [];
  }
  const files = (manifest as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return [];
  return files.flatMap((file: unknown) => {
    const { path: where, sha256 } = (file ?? {}) as Record<string, unknown>;
    return typeof where === 'string' && typeof sha256 === 'string' ? [{ path: where, sha256 }] : [];
  });
}

/**
 * The files of the last run that belong to no quiz of `content`: its
 * folder under quizzes/, its exports, its open-book packs.
 */
export function retiredFiles(files: RetiredFile[], content: Content): RetiredFile[] {
  const ids = content.blueprints.map((blueprint) => blueprint.id);
  const quizzes = new Set(ids);
  const exports = [BANK_NAME, ...ids].map((name) => exportNames(name));
  const openBooks = ids.map((id) => openBookNames(id));
  const anyOpenBook = /^open-book-.+-[A-Z]+\.(?:html|pdf)$/;
  return files.filter((file) => {
    const parts = file.path.split('/');
    const name = parts[parts.length - 1]!;
    if (parts.some((part) => part === '' || part === '.' || part === '..')) return false;
    if (parts[0] === 'quizzes') return parts.length >= 3 && !quizzes.has(parts[1]!);
    if (parts[0] === 'exports' && parts.length === 3)
      return !exports.some((names) => names.test(name));
    if (parts[0] === 'briefings' && parts.length === 3 && anyOpenBook.test(name))
      return !openBooks.some((names) => names.test(name));
    return false;
  });
}
