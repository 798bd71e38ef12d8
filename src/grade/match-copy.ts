/**
 * Which copy a responses row was written on: a version (by its letter) or,
 * when the quiz has a roster, a student's personal copy (by student id,
 * confirmed by the copy code printed on it). Pure: the problems found are
 * returned for the caller to place at the row's id or version column.
 */
import type { QuizCopy, Student } from '../quiz/copy.js';
import { didYouMean } from '../util/text.js';
import type { CopySet } from './copies.js';

export interface CellProblem {
  /** 1 for the id column, 2 for the version column. */
  column: 1 | 2;
  code: string;
  message: string;
}

export interface CopyMatch {
  copy?: QuizCopy;
  /** The roster student the id names, whichever copy they wrote on. */
  student?: Student;
  /** The id is a student's but the code is not their copy's (a wrong --seed gives this on every row). */
  codeMismatch?: boolean;
  problems: CellProblem[];
}

const ID = 1;
const VERSION = 2;

/**
 * A row is on a version when its version column is a version letter (or
 * is empty and the id is one: an anonymous copy); otherwise, when the quiz
 * has a roster, on the personal copy of the student it names, whose code
 * the version column must repeat.
 */
export function matchCopy(id: string, version: string, copies: CopySet): CopyMatch {
  const problems: CellProblem[] = [];
  const error = (column: 1 | 2, code: string, message: string): void =>
    void problems.push({ column, code, message });
  const letters = [...copies.byVersion.keys()];
  const roster = copies.roster;
  const known = `this quiz has versions ${letters.join(', ')}${roster ? ", or each student's personal copy code" : ''}`;
  const student = roster?.students.find((s) => s.id === id);
  const idAsVersion = copies.byVersion.has(id.toUpperCase()) ? id.toUpperCase() : undefined;
  if (!id)
    error(
      ID,
      'responses-no-id',
      `the id is empty; write the student id${roster ? ' from the roster' : ''} (or the version letter for an anonymous copy)`,
    );
  const code = version.toUpperCase() || idAsVersion || '';
  const onVersion = copies.byVersion.get(code);
  if (onVersion) {
    if (idAsVersion && idAsVersion !== code) {
      error(
        ID,
        'responses-version-mismatch',
        `the id "${id}" is the letter of version ${idAsVersion}, but the version column says ${code}; correct one of them`,
      );
      return { problems };
    }
    return { copy: onVersion, ...(student ? { student } : {}), problems };
  }
  if (!code) {
    error(
      VERSION,
      'responses-no-version',
      `the version is empty; write the version letter or copy code printed on the copy (${known})`,
    );
    return { problems };
  }
  if (!roster) {
    error(
      VERSION,
      'responses-unknown-version',
      `there is no version "${version}"; ${known} (if you printed more versions with --versions, give the same number here)`,
    );
    return { problems };
  }
  const owner = roster.byCode.get(code)?.student;
  const personal = roster.byStudent.get(id);
  if (!id) return { problems };
  if (!personal || !student) {
    const hint = owner
      ? `; the copy code ${version} belongs to ${owner.name} (id ${owner.id})`
      : didYouMean(id, roster.byStudent.keys());
    error(ID, 'responses-unknown-student', `there is no student "${id}" on the roster${hint}`);
    if (!owner)
      error(
        VERSION,
        'responses-unknown-version',
        `"${version}" is neither a version letter nor a copy code; ${known}`,
      );
    return { problems };
  }
  if (code !== personal.version.toUpperCase()) {
    const whose = owner ? `, which is the code of ${owner.name}'s copy (id ${owner.id}),` : '';
    error(
      VERSION,
      'responses-version-mismatch',
      `the copy code "${version}"${whose} is neither a version letter (${letters.join(', ')}) nor the code of ${student.name}'s copy; check the code printed on the copy (and that --seed is the seed printed there)`,
    );
    return { codeMismatch: true, problems };
  }
  return { copy: personal, student, problems };
}
