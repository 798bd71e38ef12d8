/**
 * What an export covers: the whole bank (one group per article) or one quiz
 * (one group per blueprint section, with its `pick`). A question appears in
 * one group only, so an LMS never offers it twice in the same attempt.
 */
import type { Question } from '../bank/question.js';
import type { Corpus } from '../corpus/article.js';
import { compareStrings } from '../errors.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy } from '../quiz/copy.js';
import { matchesFilter } from '../quiz/filter.js';
import { BANK_NAME, type ExportGroup, type ExportInput } from './types.js';

export const BANK_TITLE = 'Question bank';

function byId(questions: readonly Question[]): Question[] {
  return [...questions].sort((a, b) => compareStrings(a.id, b.id));
}

/** The whole bank, grouped by the article of each question's first passage. */
export function bankInput(questions: readonly Question[], corpus: Corpus): ExportInput {
  const groups: ExportGroup[] = [];
  for (const article of corpus.articles) {
    const own = byId(questions.filter((q) => q.passages[0]?.article === article.id));
    if (own.length > 0) groups.push({ title: article.title, questions: own });
  }
  return { name: BANK_NAME, title: BANK_TITLE, groups, corpus };
}

/**
 * A quiz: every question each section may draw. A question several sections
 * can draw goes to the one that needs it most (largest shortfall of
 * questions for its `pick`, the earlier section on a tie), so that overlap
 * does not leave a later section short.
 */
export function quizInput(
  questions: readonly Question[],
  corpus: Corpus,
  blueprint: Blueprint,
  seed: number,
  copies: QuizCopy[],
): ExportInput {
  const sorted = byId(questions);
  const eligible = new Map(
    sorted.map((q) => [
      q.id,
      blueprint.sections.filter((s) => matchesFilter(q, s.from)).map((s) => s.index),
    ]),
  );
  const members: Question[][] = blueprint.sections.map(() => []);
  const shared: Question[] = [];
  for (const question of sorted) {
    const sections = eligible.get(question.id) ?? [];
    if (sections.length === 1) members[sections[0]!]!.push(question);
    else if (sections.length > 1) shared.push(question);
  }
  // Questions that fewer sections can take are placed first: they have fewer choices.
  shared.sort(
    (a, b) => eligible.get(a.id)!.length - eligible.get(b.id)!.length || compareStrings(a.id, b.id),
  );
  for (const question of shared) {
    const shortfall = (i: number) => blueprint.sections[i]!.pick - members[i]!.length;
    const target = eligible
      .get(question.id)!
      .reduce((best, i) => (shortfall(i) > shortfall(best) ? i : best));
    members[target]!.push(question);
  }
  const groups = blueprint.sections.map((section, i) => ({
    title: section.title,
    pick: section.pick,
    questions: byId(members[i]!),
  }));
  return {
    name: blueprint.id,
    title: blueprint.title,
    ...(blueprint.instructions === undefined ? {} : { instructions: blueprint.instructions }),
    groups,
    corpus,
    quiz: { blueprint, seed, copies },
  };
}

/** Every question of the input, in group order. */
export function allQuestions(input: ExportInput): Question[] {
  return input.groups.flatMap((g) => g.questions);
}
