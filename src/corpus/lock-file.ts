/** Reading and writing a project's corpus.lock. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ProblemList } from '../errors.js';
import { loadCorpus } from './load.js';
import { writeFileAtomic } from '../write/atomic.js';
import { formatLock, LOCK_NAME, lockOf, parseLock, type Lock } from './lock.js';

export function lockPath(projectRoot: string): string {
  return path.join(projectRoot, LOCK_NAME);
}

/** The project's lock; `null` when it has none, undefined when it cannot be read (reported). */
export async function readLock(
  projectRoot: string,
  problems: ProblemList,
): Promise<Lock | null | undefined> {
  const file = lockPath(projectRoot);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseLock(text, file, problems);
}

/**
 * Records the given articles' paragraphs in the lock, keeping what it says
 * about every other article: importing one article must not silently accept
 * changes to the others. `replaceAll` writes exactly the given articles.
 * Returns false, writing nothing, when the existing lock cannot be read
 * (the problem is reported): rewriting it would drop what it says.
 */
export async function writeLock(
  projectRoot: string,
  articles: { id: string; paragraphs: readonly string[] }[],
  options: { replaceAll: boolean; problems: ProblemList },
): Promise<boolean> {
  const existing = options.replaceAll ? null : await readLock(projectRoot, options.problems);
  if (existing === undefined) return false;
  const lock: Lock = new Map(existing ?? []);
  for (const [id, hashes] of lockOf(articles)) lock.set(id, hashes);
  await writeFileAtomic(lockPath(projectRoot), formatLock(lock));
  return true;
}

/**
 * After an article is added or replaced: records its paragraphs. A project
 * without a lock gets one for its whole corpus, which starts the comparison.
 */
export async function lockNewArticle(
  projectRoot: string,
  corpusDir: string,
  article: { id: string; paragraphs: readonly string[] },
  problems: ProblemList,
): Promise<boolean> {
  const existing = await readLock(projectRoot, problems);
  if (existing === undefined) return false;
  if (existing !== null) return writeLock(projectRoot, [article], { replaceAll: false, problems });
  const corpus = await loadCorpus(corpusDir, new ProblemList());
  const others = corpus.articles
    .filter((a) => a.id !== article.id)
    .map((a) => ({ id: a.id, paragraphs: a.paragraphs.map((p) => p.text) }));
  return writeLock(projectRoot, [...others, article], { replaceAll: true, problems });
}
