/**
 * The copies a responses file is graded against, regenerated from the quiz
 * seed, so no answer key needs to be kept between printing and grading:
 * versions A, B... always, and when the quiz has a roster also each
 * student's personal copy (a build prints both).
 */
import type { Question } from '../bank/question.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { drawStudentCopies, drawVersions } from '../quiz/draw.js';

export interface RosterCopies {
  students: Student[];
  /** Student id → the student's personal copy. */
  byStudent: Map<string, QuizCopy>;
  /** Copy code (upper case) → copy. */
  byCode: Map<string, QuizCopy>;
}

export interface CopySet {
  versions: QuizCopy[];
  /** Version letter → copy. */
  byVersion: Map<string, QuizCopy>;
  roster?: RosterCopies;
}

export function regenerateCopies(
  questions: readonly Question[],
  blueprint: Blueprint,
  seed: number,
  options: { versions?: number; students?: readonly Student[] } = {},
): CopySet {
  const versions = drawVersions(questions, blueprint, seed, options.versions ?? blueprint.versions);
  const set: CopySet = { versions, byVersion: new Map(versions.map((c) => [c.version, c])) };
  if (!options.students) return set;
  const personal = drawStudentCopies(questions, blueprint, seed, options.students);
  return {
    ...set,
    roster: {
      students: [...options.students],
      byStudent: new Map(personal.map((c) => [c.label, c])),
      byCode: new Map(personal.map((c) => [c.version.toUpperCase(), c])),
    },
  };
}

/** Every copy of a quiz has the same number of items: sections pick fixed counts. */
export function itemCount(set: CopySet): number {
  return Math.max(0, ...set.versions.map((c) => c.items.length));
}
