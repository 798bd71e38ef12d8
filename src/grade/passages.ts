/**
 * The per-passage view: how well the class did on the questions keyed to
 * each paragraph, so a teacher sees which passages to re-teach. A question
 * citing several paragraphs counts for each of them.
 */
import { compareStrings } from '../errors.js';
import type { Corpus } from '../corpus/article.js';
import { citation } from '../corpus/citation.js';
import { firstWords } from '../util/text.js';
import type { ItemAnalysis } from './analysis.js';

/** Passages where the class earned less than half the points are marked for re-teaching. */
export const RETEACH_BELOW = 0.5;

export interface PassageResult {
  ref: string;
  articleId: string;
  title: string;
  paragraph: number;
  /** The paragraph's first words, enough to find it in the article. */
  opening: string;
  /** Question ids keyed to the paragraph that some student answered. */
  questions: string[];
  /** Facility averaged over those questions, each question counting once. */
  facility: number;
  reteach: boolean;
}

export function passageResults(items: readonly ItemAnalysis[], corpus: Corpus): PassageResult[] {
  const byRef = new Map<
    string,
    { items: ItemAnalysis[]; ref: ItemAnalysis['question']['passages'][number] }
  >();
  for (const item of items) {
    if (item.students === 0) continue;
    for (const ref of item.question.passages) {
      const entry = byRef.get(ref.ref) ?? { items: [], ref };
      // A question citing the same paragraph twice still counts once.
      if (!entry.items.includes(item)) entry.items.push(item);
      byRef.set(ref.ref, entry);
    }
  }
  const results = [...byRef.values()].map(({ items: keyed, ref }): PassageResult => {
    const c = citation(ref, corpus);
    const facility = keyed.reduce((n, i) => n + i.facility, 0) / keyed.length;
    return {
      ref: ref.ref,
      articleId: c.articleId,
      title: c.title,
      paragraph: c.paragraph,
      opening: firstWords(c.text, 10),
      questions: keyed.map((i) => i.question.id),
      facility,
      reteach: facility < RETEACH_BELOW,
    };
  });
  // Weakest first; ties in reading order so the table is stable.
  const lower = (a: PassageResult, b: PassageResult): number =>
    Math.abs(a.facility - b.facility) > 1e-9 ? a.facility - b.facility : 0;
  return results.sort(
    (a, b) => lower(a, b) || compareStrings(a.articleId, b.articleId) || a.paragraph - b.paragraph,
  );
}
