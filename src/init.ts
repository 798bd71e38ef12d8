/** `handout init DIR`: a small project that passes lint, to start from. */
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { HandoutError, ProblemList } from './errors.js';
import { loadCorpus } from './corpus/load.js';
import { writeLock } from './corpus/lock-file.js';
import { BUILTIN_TEMPLATES, SCHEMA_DIR } from './project.js';
import type { Io } from './cli/io.js';
import { relativeTo } from './cli/report.js';

export const STARTER_DIR = path.join(BUILTIN_TEMPLATES, 'starter');

export async function initCommand(dir: string, io: Io): Promise<number> {
  const target = path.resolve(io.cwd, dir);
  const entries = await readdir(target).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new HandoutError(
      `${relativeTo(io.cwd, target)} already exists and is not empty; choose a new folder name so nothing of yours is overwritten`,
      { code: 'init-not-empty' },
    );
  }
  await cp(STARTER_DIR, target, { recursive: true, errorOnExist: true, force: false });
  await cp(SCHEMA_DIR, path.join(target, 'schema'), { recursive: true });
  // The lock starts with the project, so the first edit to an article is caught.
  const problems = new ProblemList();
  const corpus = await loadCorpus(path.join(target, 'corpus'), problems);
  await writeLock(
    target,
    corpus.articles.map((a) => ({ id: a.id, paragraphs: a.paragraphs.map((p) => p.text) })),
    { replaceAll: true, problems },
  );
  const shown = relativeTo(io.cwd, target);
  io.stderr(
    `Created ${shown}: corpus/ (one article), corpus.lock, questions/ (a few questions and a quiz blueprint), schema/.\n` +
      `Next: cd ${shown} && handout lint && handout build\n`,
  );
  return 0;
}
