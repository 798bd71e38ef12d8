/**
 * corpus.lock: a hash of every paragraph of every article, committed with
 * the project. Questions, evidence, reference entries and briefings cite
 * paragraphs by number; when an article's text is edited, re-imported or
 * re-paragraphed, lint compares it with the lock and lists what cites each
 * paragraph that changed or moved, so nothing silently points at other text.
 *
 * The file is plain text, one line per paragraph, so that it diffs and
 * merges like the corpus itself:
 *
 *     lavrov-studying-proposals-2013#p1 9f86d081884c7d65
 */
import { createHash } from 'node:crypto';
import type { ProblemList } from '../errors.js';

export const LOCK_NAME = 'corpus.lock';

const HEADER = `# ${LOCK_NAME}: a hash of every paragraph of corpus/*.md (the first 16 hex digits
# of the SHA-256 of its text, spacing folded). handout lint compares the articles
# with it and lists what cites a paragraph that changed or moved. Written by
# handout init, handout corpus import and handout lint --update-lock; commit it.
`;

/** Paragraph hashes per article id, ¶1 first. */
export type Lock = Map<string, string[]>;

export function paragraphHash(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(folded, 'utf8').digest('hex').slice(0, 16);
}

export function lockOf(articles: { id: string; paragraphs: readonly string[] }[]): Lock {
  return new Map(articles.map((a) => [a.id, a.paragraphs.map(paragraphHash)]));
}

/** The lock as text: articles sorted by id, so that it never depends on file-system order. */
export function formatLock(lock: Lock): string {
  const ids = [...lock.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = ids.flatMap((id) => lock.get(id)!.map((hash, i) => `${id}#p${i + 1} ${hash}`));
  return HEADER + lines.map((l) => `${l}\n`).join('');
}

const LINE = /^([a-z0-9]+(?:-[a-z0-9]+)*)#p([1-9][0-9]*) ([0-9a-f]{16})$/;

/** Reads a lock; a line it cannot read is an error, and the lock is then not used. */
export function parseLock(text: string, file: string, problems: ProblemList): Lock | undefined {
  const lock: Lock = new Map();
  let ok = true;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    const hashes = match ? (lock.get(match[1]!) ?? []) : [];
    if (!match || Number(match[2]) !== hashes.length + 1) {
      ok = false;
      problems.error(
        { file, line: i + 1, column: 1 },
        'lock-unreadable',
        `this line of ${LOCK_NAME} is not "ARTICLE-ID#pN HASH" in paragraph order (was the file edited by hand or merged with conflicts?); check the articles, then run "handout lint --update-lock" to write it again`,
      );
      return;
    }
    hashes.push(match[3]!);
    lock.set(match[1]!, hashes);
  });
  return ok ? lock : undefined;
}

/** How an article's paragraphs moved between the lock and now (numbers are 1-based). */
export interface ParagraphDiff {
  /** Paragraphs whose text changed: their number in the lock and now. */
  changed: { old: number; now: number }[];
  /** Paragraphs that are new, by their number now. */
  inserted: number[];
  /** Paragraphs that are gone, by their number in the lock. */
  removed: number[];
  /** Unchanged paragraphs whose number changed. */
  moved: { old: number; now: number }[];
}

/**
 * Aligns the locked hashes with the current ones (longest common
 * subsequence). Between two aligned paragraphs, old and new ones are paired
 * as "changed" in order; what is left over was inserted or removed.
 */
export function diffParagraphs(old: readonly string[], now: readonly string[]): ParagraphDiff {
  const n = old.length;
  const m = now.length;
  // lcs[i][j]: length of the longest common subsequence of old[i..] and now[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        old[i] === now[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const diff: ParagraphDiff = { changed: [], inserted: [], removed: [], moved: [] };
  let gapOld: number[] = [];
  let gapNew: number[] = [];
  const closeGap = (): void => {
    const paired = Math.min(gapOld.length, gapNew.length);
    for (let k = 0; k < paired; k++) diff.changed.push({ old: gapOld[k]!, now: gapNew[k]! });
    diff.removed.push(...gapOld.slice(paired));
    diff.inserted.push(...gapNew.slice(paired));
    gapOld = [];
    gapNew = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && old[i] === now[j]) {
      closeGap();
      if (i !== j) diff.moved.push({ old: i + 1, now: j + 1 });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      gapNew.push(++j);
    } else {
      gapOld.push(++i);
    }
  }
  closeGap();
  return diff;
}

export function isUnchanged(diff: ParagraphDiff): boolean {
  return (
    diff.changed.length === 0 &&
    diff.inserted.length === 0 &&
    diff.removed.length === 0 &&
    diff.moved.length === 0
  );
}
