/**
 * Source drift: the corpus compared with corpus.lock. A paragraph whose text
 * changed may no longer support the questions, evidence, reference entries
 * and briefing passages that cite it; paragraphs inserted or removed shift
 * the numbers every later citation relies on. Each is an error that lists
 * what cites the paragraph, so the teacher checks exactly those, then
 * accepts the new text with `handout lint --update-lock`.
 */
import type { ProblemList } from '../errors.js';
import type { Article, Corpus } from '../corpus/article.js';
import type { Citing } from '../bank/question.js';
import type { Reference } from '../reference/reference.js';
import type { BriefingConfig } from '../briefing/config.js';
import {
  diffParagraphs,
  isUnchanged,
  LOCK_NAME,
  paragraphHash,
  type Lock,
} from '../corpus/lock.js';
import { looseText, plural, shorten } from '../util/text.js';
import { loosePassage } from '../corpus/quote.js';

export interface Citers {
  questions: Citing[];
  reference: Reference;
  briefings: BriefingConfig[];
}

const ACCEPT = `check them against the new text, then run "handout lint --update-lock" to accept it`;

export function checkSourceDrift(
  lock: Lock,
  corpus: Corpus,
  citers: Citers,
  problems: ProblemList,
  lockFile: string,
): void {
  // Built only when an article differs from the lock: most runs find nothing.
  let index: Map<string, Citer[]> | undefined;
  const citations = (): Map<string, Citer[]> => (index ??= indexCitations(citers, corpus));
  for (const article of corpus.articles) {
    const locked = lock.get(article.id);
    if (!locked) {
      problems.warning(
        { file: article.file, line: 1, column: 1 },
        'lock-article-new',
        `${article.id} is not in ${LOCK_NAME} yet; run "handout lint --update-lock" to record its paragraphs, so that later edits to it are caught`,
      );
      continue;
    }
    const diff = diffParagraphs(
      locked,
      article.paragraphs.map((p) => paragraphHash(p.text)),
    );
    if (isUnchanged(diff)) continue;
    const renumbered = diff.inserted.length > 0 || diff.removed.length > 0;
    for (const { old, now } of diff.changed) {
      const paragraph = article.paragraphs[now - 1]!;
      const who = describe(citations().get(`${article.id}#p${old}`) ?? []);
      problems.error(
        { file: article.file, line: paragraph.line, column: 1 },
        'paragraph-changed',
        `${article.id} ¶${now}${old === now ? '' : ` (¶${old} in the lock)`} changed since ${LOCK_NAME}: ${who.length > 0 ? `${who}; ${ACCEPT}` : `nothing cites it; run "handout lint --update-lock" to accept it`}`,
      );
    }
    if (renumbered) reportRenumbering(article, diff, citations(), problems);
  }
  const present = new Set(corpus.articles.map((a) => a.id));
  for (const id of [...lock.keys()].filter((id) => !present.has(id)).sort()) {
    problems.warning(
      { file: lockFile },
      'lock-article-removed',
      `${LOCK_NAME} lists the article ${id}, which is no longer in corpus/; if you removed or renamed it on purpose, run "handout lint --update-lock"`,
    );
  }
}

function reportRenumbering(
  article: Article,
  diff: ReturnType<typeof diffParagraphs>,
  citations: Map<string, Citer[]>,
  problems: ProblemList,
): void {
  const parts: string[] = [];
  if (diff.inserted.length > 0)
    parts.push(`${paragraphList(diff.inserted)} ${diff.inserted.length === 1 ? 'is' : 'are'} new`);
  if (diff.removed.length > 0)
    parts.push(
      `${paragraphList(diff.removed)} of the lock ${diff.removed.length === 1 ? 'was' : 'were'} removed`,
    );
  if (diff.moved.length > 0) parts.push(`${moves(diff.moved)}`);
  const stale: string[] = [];
  const moved = [...diff.moved, ...diff.changed.filter((c) => c.old !== c.now)].sort(
    (a, b) => a.old - b.old,
  );
  for (const { old, now } of moved) {
    const who = citations.get(`${article.id}#p${old}`) ?? [];
    if (who.length > 0) stale.push(`¶${old} (now ¶${now}) by ${who.map((c) => c.who).join(', ')}`);
  }
  for (const old of diff.removed) {
    const who = citations.get(`${article.id}#p${old}`) ?? [];
    if (who.length > 0) stale.push(`¶${old} (removed) by ${who.map((c) => c.who).join(', ')}`);
  }
  const first = diff.inserted[0] ?? diff.removed[0] ?? 1;
  const line = article.paragraphs[Math.min(first, article.paragraphs.length) - 1]?.line ?? 1;
  problems.error(
    { file: article.file, line, column: 1 },
    'paragraphs-renumbered',
    `${article.id}: paragraphs were inserted or removed since ${LOCK_NAME}, so paragraph numbers moved: ${parts.join('; ')}. ${
      stale.length > 0
        ? `Citations that now point at other text: ${stale.join('; ')}. Correct their numbers, then run "handout lint --update-lock"`
        : `Nothing cites a paragraph that moved; run "handout lint --update-lock" to accept the new numbering`
    }`,
  );
}

interface Citer {
  /** e.g. question "lavrov-2013-meeting-day", person "sergei-lavrov" (role "…"). */
  who: string;
  /** For a question, the evidence it quotes from this paragraph. */
  evidence?: string;
}

/**
 * Everything that cites each paragraph by number, keyed by ARTICLE-ID#pN.
 * Mentions that reference entries find by name are left out: they follow
 * the text wherever it moves.
 */
function indexCitations(citers: Citers, corpus: Corpus): Map<string, Citer[]> {
  const index = new Map<string, Citer[]>();
  const add = (ref: string, citer: Citer): void => {
    const list = index.get(ref) ?? [];
    if (!list.some((c) => c.who === citer.who)) list.push(citer);
    index.set(ref, list);
  };
  for (const q of citers.questions) {
    for (const ref of q.passages) {
      // The quote taken from this paragraph is the one no other cited paragraph contains.
      const others = q.passages
        .filter((r) => r.ref !== ref.ref)
        .map((r) => loosePassage(r, corpus) ?? '');
      const evidence = q.evidence.find((e) => !others.some((t) => t.includes(looseText(e))));
      add(ref.ref, { who: `question "${q.id}"`, ...(evidence ? { evidence } : {}) });
    }
  }
  for (const person of citers.reference.people) {
    for (const role of person.roles)
      for (const ref of role.passages)
        add(ref.ref, { who: `person "${person.id}" (role "${role.role}")` });
    for (const ref of [...person.also, ...person.quoted])
      add(ref.ref, { who: `person "${person.id}"` });
  }
  for (const term of citers.reference.terms)
    for (const ref of term.also) add(ref.ref, { who: `term "${term.id}"` });
  for (const event of citers.reference.events)
    for (const ref of event.passages) add(ref.ref, { who: `timeline event "${event.id}"` });
  for (const briefing of citers.briefings)
    for (const key of briefing.keyPassages ?? [])
      add(key.ref.ref, { who: `briefing "${briefing.id}" (key passage)` });
  return index;
}

function describe(citers: Citer[]): string {
  const questions = citers.filter((c) => c.who.startsWith('question '));
  const others = citers.filter((c) => !c.who.startsWith('question '));
  const parts: string[] = [];
  if (questions.length > 0)
    parts.push(
      `${plural(questions.length, 'question')} ${questions.length === 1 ? 'cites' : 'cite'} it: ${questions
        .map((q) => (q.evidence ? `${q.who} (evidence "${shorten(q.evidence, 50)}")` : q.who))
        .join(', ')}`,
    );
  if (others.length > 0) parts.push(`also cited by ${others.map((c) => c.who).join(', ')}`);
  return parts.join('; ');
}

function paragraphList(numbers: number[]): string {
  return numbers.map((n) => `¶${n}`).join(', ');
}

/** "¶3–¶12 are now ¶4–¶13": runs of paragraphs that moved by the same amount. */
function moves(moved: { old: number; now: number }[]): string {
  const runs: { old: number; now: number; length: number }[] = [];
  for (const m of moved) {
    const last = runs[runs.length - 1];
    if (last && m.old === last.old + last.length && m.now === last.now + last.length) last.length++;
    else runs.push({ ...m, length: 1 });
  }
  return runs
    .map((r) =>
      r.length === 1
        ? `¶${r.old} is now ¶${r.now}`
        : `¶${r.old}–¶${r.old + r.length - 1} are now ¶${r.now}–¶${r.now + r.length - 1}`,
    )
    .join(', ');
}
