/** How problems are shown: one line each, `file:line:col  severity  message`. */
import path from 'node:path';
import type { Problem } from '../errors.js';
import { sortProblems } from '../errors.js';
import { plural } from '../util/text.js';

export function relativeTo(cwd: string, file: string): string {
  if (!file) return '(input)';
  const rel = path.relative(cwd, file);
  return rel === ''
    ? '.'
    : rel.startsWith('..') && path.isAbsolute(file)
      ? file
      : rel.split(path.sep).join('/');
}

export function problemLine(problem: Problem, cwd: string): string {
  const where = [relativeTo(cwd, problem.file), problem.line, problem.column]
    .filter((p) => p !== undefined)
    .join(':');
  return `${where}  ${problem.severity}  ${problem.message}`;
}

/**
 * More problems than this in one file are counted, not listed: a file of
 * garbage (a binary saved as .yaml) gives tens of thousands of syntax errors,
 * and the first ones are the ones to fix.
 */
export const PROBLEMS_SHOWN_PER_FILE = 20;

export function formatProblems(problems: readonly Problem[], cwd: string): string {
  const lines: string[] = [];
  const hidden = new Map<string, number>();
  let file: string | undefined;
  let shown = 0;
  const flush = (): void => {
    const more = file === undefined ? 0 : (hidden.get(file) ?? 0);
    if (more > 0)
      lines.push(
        `${relativeTo(cwd, file!)}  … and ${more} more in this file (fix the ones above first: one mistake often causes many)\n`,
      );
  };
  for (const problem of sortProblems(problems)) {
    if (problem.file !== file) {
      flush();
      file = problem.file;
      shown = 0;
    }
    if (shown < PROBLEMS_SHOWN_PER_FILE) {
      lines.push(problemLine(problem, cwd) + '\n');
      shown += 1;
    } else {
      hidden.set(file, (hidden.get(file) ?? 0) + 1);
    }
  }
  flush();
  return lines.join('');
}

export function problemSummary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Machine-readable form, with paths relative to the working folder. */
export function problemsJson(problems: readonly Problem[], cwd: string): object[] {
  return sortProblems(problems).map((p) => ({
    file: relativeTo(cwd, p.file),
    line: p.line ?? null,
    column: p.column ?? null,
    severity: p.severity,
    code: p.code,
    rule: p.rule ?? null,
    message: p.message,
    id: p.id ?? null,
  }));
}
