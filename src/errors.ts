/**
 * User-facing errors. Every problem a teacher can cause is a `Problem`
 * (file, line, column, what is wrong and what to do); a `HandoutError`
 * carries one or many of them up to the CLI, which prints them without a
 * stack trace. Anything else that reaches the CLI is a bug in handout.
 */

export type Severity = 'error' | 'warning';

export interface SourceLocation {
  /** Absolute path of the file the problem is in. */
  file: string;
  /** 1-based line; absent when the problem concerns the whole file. */
  line?: number;
  /** 1-based column. */
  column?: number;
}

export interface Problem extends SourceLocation {
  severity: Severity;
  /** Stable machine code, e.g. `evidence-not-found`. */
  code: string;
  /** Plain words: what is wrong, then what to do. */
  message: string;
  /** The question (or other record) the problem is about, when there is one. */
  id?: string;
  /** The lint rule that found it (see lint/registry.ts), when a rule did. */
  rule?: string;
}

export class HandoutError extends Error {
  readonly code: string;
  readonly problems: readonly Problem[];

  constructor(
    message: string,
    options: { code?: string; problems?: readonly Problem[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HandoutError';
    this.code = options.code ?? 'handout-error';
    this.problems = options.problems ?? [];
  }
}

/** Collects problems so that a run reports all of them, then fails once. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(problem: Problem): void {
    this.items.push(problem);
  }

  error(at: SourceLocation, code: string, message: string, id?: string): void {
    this.add({ ...at, severity: 'error', code, message, ...(id === undefined ? {} : { id }) });
  }

  warning(at: SourceLocation, code: string, message: string, id?: string): void {
    this.add({ ...at, severity: 'warning', code, message, ...(id === undefined ? {} : { id }) });
  }

  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === 'error');
  }

  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === 'warning');
  }

  /** Throws a HandoutError carrying every problem if any is an error. */
  throwIfErrors(summary: string): void {
    const errors = this.errors;
    if (errors.length > 0) {
      throw new HandoutError(summary, { code: 'invalid-input', problems: this.sorted() });
    }
  }

  /** Problems in reading order: by file, then line, then column. */
  sorted(): Problem[] {
    return sortProblems(this.items);
  }
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareStrings(a.message, b.message),
  );
}

/** Code-point order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
