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

export function formatProblems(problems: readonly Problem[], cwd: string): string {
  return sortProblems(problems)
    .map((p) => problemLine(p, cwd) + '\n')
    .join('');
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
