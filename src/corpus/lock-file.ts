/** Reading a project's corpus.lock, and the text of an updated one (commands write it). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ProblemList } from '../errors.js';
import { loadCorpus } from './load.js';
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

export interface LockedArticle {
  id: string;
  paragraphs: readonly string[];
}

/**
 * The lock's text with the given articles' paragraphs recorded, keeping what
 * it says about every other article: importing one article must not
 * silently accept changes to the others. `replaceAll` records exactly the
 * given articles. Undefined when the existing lock cannot be read (the
 * problem is reported): rewriting it would drop what it says.
 */
export async function updatedLockText(
  projectRoot: string,
  articles: LockedArticle[],
  options: { replaceAll: boolean; problems: ProblemList },
): Promise<string | undefined> {
  const existing = options.replaceAll ? null : await readLock(projectRoot, options.problems);
  if (existing === undefined) return undefined;
  const lock: Lock = new Map(existing ?? []);
  for (const [id, hashes] of lockOf(articles)) lock.set(id, hashes);
  return formatLock(lock);
}

/**
 * The lock's text after an article is added or replaced. A project without
 * a lock gets one for its whole corpus, which starts the comparison.
 */
export async function lockTextWithArticle(
  projectRoot: string,
  corpusDir: string,
  article: LockedArticle,
  problems: ProblemList,
): Promise<string | undefined> {
  const existing = await readLock(projectRoot, problems);
  if (existing === undefined) return undefined;
  if (existing !== null)
    return updatedLockText(projectRoot, [article], { replaceAll: false, problems });
  const corpus = await loadCorpus(corpusDir, new ProblemList());
  const others = corpus.articles
    .filter((a) => a.id !== article.id)
    .map((a) => ({ id: a.id, paragraphs: a.paragraphs.map((p) => p.text) }));
  return updatedLockText(projectRoot, [...others, article], { replaceAll: true, problems });
}
