/** Which questions a blueprint section may draw: every filter given must match. */
import type { Question } from '../bank/question.js';
import type { SectionFilter } from './blueprint-schema.js';

export function matchesFilter(question: Question, from: SectionFilter): boolean {
  if (from.types && !from.types.includes(question.type)) return false;
  if (from.tags && !question.tags.some((t) => from.tags!.includes(t))) return false;
  if (from.articles && !question.passages.some((p) => from.articles!.includes(p.article)))
    return false;
  if (from.difficulty && !from.difficulty.includes(question.difficulty)) return false;
  if (from.ids && !from.ids.includes(question.id)) return false;
  return true;
}
