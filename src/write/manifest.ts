/**
 * manifest.json (formats.md §6): every file the run wrote with its SHA-256,
 * the seeds, the command and the inputs' hashes, so a teacher (or a test)
 * can tell whether two runs made the same thing from the same inputs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings } from '../errors.js';
import type { Project } from '../project.js';
import { listFiles } from '../util/files.js';
import type { OutputWriter } from './writer.js';
import { sha256 } from './written-file.js';

export interface ManifestInfo {
  /** The command as typed, without machine-specific paths, e.g. "handout build". */
  command: string;
  /** Seed used for each quiz built, by quiz id. */
  seeds: Record<string, number>;
  generator: string;
}

/** Every file the outputs were made from, relative to the project root. */
export async function inputHashes(
  project: Project,
  extra: string[] = [],
): Promise<{ path: string; sha256: string }[]> {
  const dirs = [
    project.corpusDir,
    project.questionsDir,
    ...project.templateDirs.filter((d) => d.startsWith(project.root + path.sep)),
  ];
  const files = (
    await Promise.all(
      dirs.map((dir) => listFiles(dir, ['.md', '.yaml', '.yml', '.csv', '.njk', '.css'])),
    )
  ).flat();
  const all = [...new Set([...files, ...extra])].sort();
  // A file outside the project (a roster or responses file given on the
  // command line) is named by its file name only: no machine paths.
  const name = (file: string): string =>
    file.startsWith(project.root + path.sep)
      ? path.relative(project.root, file).split(path.sep).join('/')
      : path.basename(file);
  return Promise.all(
    all.map(async (file) => ({
      path: name(file),
      sha256: sha256(await readFile(file)),
    })),
  );
}

export async function addManifest(
  writer: OutputWriter,
  info: ManifestInfo,
  inputs: { path: string; sha256: string }[],
): Promise<void> {
  const manifest = {
    generator: info.generator,
    command: info.command,
    seeds: Object.fromEntries(Object.entries(info.seeds).sort(([a], [b]) => compareStrings(a, b))),
    inputs,
    files: writer.written(),
  };
  await writer.add('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
}
