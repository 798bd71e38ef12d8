/**
 * Responses (formats.md §5): a CSV with the header `id,version,1,2,...`
 * and one row per copy. Each row is matched to the copy it was written on
 * and every cell is read against that copy's item. Every problem is
 * collected with its row and column, so a teacher fixes them in one pass;
 * rows with problems are returned apart so `--skip-invalid` can leave
 * them out.
 */
import { parse } from 'csv-parse/sync';
import { ProblemList, type SourceLocation } from '../errors.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { TYPE_LABELS } from '../bank/question.js';
import { readAnswer, type Answer } from './answers.js';
import { itemCount, type CopySet } from './copies.js';
import { matchCopy } from './match-copy.js';

export interface ResponseSheet {
  /**
   * Line of the file where the row starts: the spreadsheet's row number
   * (unless an answer spans lines inside quotes). Messages give it as
   * "row N" and as the problem's line.
   */
  row: number;
  id: string;
  /** The roster student the id names, whichever copy they wrote on. */
  student?: Student;
  copy: QuizCopy;
  /** By position on the copy: answers[0] is item 1. `null` is unanswered. */
  answers: (Answer | null)[];
}

export interface RejectedRow {
  row: number;
  id: string;
}

export interface ReadResponses {
  sheets: ResponseSheet[];
  rejected: RejectedRow[];
  /** Problems with rows (errors) and notes about the whole file (warnings). */
  problems: ProblemList;
}

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

const ID = 1;
const VERSION = 2;

/**
 * Reads and checks a responses file. Problems that make the whole file
 * unreadable (not CSV, wrong header, no rows) are thrown at once; problems
 * with single rows are collected in the result.
 */
export function readResponses(file: string, text: string, copies: CopySet): ReadResponses {
  const records = parseCsv(file, text);
  const count = itemCount(copies);
  checkHeader(file, records[0], count);
  const data = records.slice(1).map((r) => ({ ...r, row: startLine(r) }));
  if (data.every((r) => r.record.every((cell) => cell.trim() === ''))) {
    const problems = new ProblemList();
    problems.error(
      { file, line: 2 },
      'responses-empty',
      `the responses file has a header but no rows; add one row per copy: id, version, then the answers to items 1–${count}`,
    );
    problems.throwIfErrors('there are no responses to grade');
  }
  const problems = new ProblemList();
  const sheets: ResponseSheet[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  let codeMismatches = 0;
  for (const entry of data) {
    // Spreadsheets often export trailing rows of bare commas: they are not copies.
    if (entry.record.every((cell) => cell.trim() === '')) continue;
    const row = new RowProblems(file, entry.row, problems);
    const id = (entry.record[ID - 1] ?? '').trim();
    const result = readRow(entry.record, id, count, copies, row, seen);
    if (result.codeMismatch) codeMismatches++;
    if (id && !seen.has(id)) seen.set(id, entry.row);
    if (result.sheet && !row.failed) {
      sheets.push({ row: entry.row, id, ...result.sheet });
    } else {
      rejected.push({ row: entry.row, id });
    }
  }
  if (copies.roster && codeMismatches > 0 && codeMismatches === sheets.length + rejected.length) {
    problems.warning(
      { file },
      'responses-seed',
      "no row's copy code matches its student's copy: were the copies printed with another seed? Give the seed printed on the copies with --seed",
    );
  }
  return { sheets, rejected, problems };
}

/**
 * Spreadsheets set to a language that writes decimal commas export CSV
 * with semicolons (or tabs); the header line tells which one was used.
 */
export function detectDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

function parseCsv(file: string, text: string): CsvRecord[] {
  try {
    const options = {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    };
    return parse(text, options) as unknown as CsvRecord[];
  } catch (cause) {
    const problems = new ProblemList();
    const line = (cause as { lines?: number }).lines;
    const reason = (cause as Error).message.replace(/^Invalid [^:]*: /, '');
    problems.error(
      { file, ...(line ? { line } : {}) },
      'responses-csv',
      `the responses file is not valid CSV (${reason}); check for a quote that is opened but never closed`,
    );
    problems.throwIfErrors('the responses file cannot be read; nothing was written');
    return [];
  }
}

/** csv-parse reports the line a record ends on; blank lines before it are part of its raw text. */
function startLine(record: CsvRecord): number {
  const body = record.raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  return record.info.lines - (body.match(/\n/g)?.length ?? 0);
}

function expectedHeader(count: number): string {
  return `id,version,${Array.from({ length: count }, (_, i) => i + 1).join(',')}`;
}

function checkHeader(file: string, header: CsvRecord | undefined, count: number): void {
  const problems = new ProblemList();
  const want = `the first row must be the header "${expectedHeader(count)}" (id, version, then one column per item in the order printed on the copies)`;
  if (!header) {
    problems.error({ file, line: 1 }, 'responses-empty', `the responses file is empty; ${want}`);
  } else {
    const cells = header.record.map((c) => c.trim().toLowerCase());
    if (cells[0] !== 'id' || cells[1] !== 'version') {
      problems.error(
        { file, line: 1, column: 1 },
        'responses-header',
        `the header starts with "${header.record.slice(0, 2).join(',')}"; ${want}`,
      );
    } else if (cells.length !== count + 2) {
      problems.error(
        { file, line: 1, column: Math.min(cells.length, count + 2) + 1 },
        'responses-header',
        `the header has ${cells.length} columns, but this quiz has ${count} items, so it needs ${count + 2}; ${want}`,
      );
    } else {
      cells.slice(2).forEach((cell, i) => {
        if (cell.replace(/^(q|item)\s*/, '') !== String(i + 1)) {
          problems.error(
            { file, line: 1, column: i + 3 },
            'responses-header',
            `column ${i + 3} of the header is "${header.record[i + 2]}" but should be "${i + 1}"; ${want}`,
          );
        }
      });
    }
  }
  problems.throwIfErrors('the responses file has no usable header; nothing was written');
}

/** Problems of one row, each prefixed with where it is. */
class RowProblems {
  failed = false;
  constructor(
    private readonly file: string,
    readonly row: number,
    private readonly problems: ProblemList,
  ) {}

  /** `column` is the CSV column, 1-based: 1 id, 2 version, 3 item 1... */
  error(column: number | undefined, code: string, message: string): void {
    this.failed = true;
    const at: SourceLocation = {
      file: this.file,
      line: this.row,
      ...(column === undefined ? {} : { column }),
    };
    const where =
      column === undefined ? `row ${this.row}` : `row ${this.row}, ${columnName(column)}`;
    this.problems.error(at, code, `${where}: ${message}`);
  }
}

function columnName(column: number): string {
  if (column === ID) return 'column 1 (id)';
  if (column === VERSION) return 'column 2 (version)';
  return `column ${column} (item ${column - 2})`;
}

interface RowResult {
  sheet?: { copy: QuizCopy; answers: (Answer | null)[]; student?: Student };
  codeMismatch?: boolean;
}

function readRow(
  record: string[],
  id: string,
  count: number,
  copies: CopySet,
  row: RowProblems,
  seen: Map<string, number>,
): RowResult {
  if (record.length !== count + 2) {
    row.error(
      record.length < count + 2 ? record.length + 1 : count + 3,
      'responses-columns',
      `the row has ${record.length} columns but the header has ${count + 2} (id, version and ${count} items); check for a missing or extra comma, and put answers that contain commas in double quotes`,
    );
  }
  const version = (record[VERSION - 1] ?? '').trim();
  const match = matchCopy(id, version, copies);
  for (const p of match.problems) row.error(p.column, p.code, p.message);
  // Anonymous copies all carry their version letter as the id.
  if (id && seen.has(id) && !copies.byVersion.has(id.toUpperCase())) {
    row.error(
      ID,
      'responses-duplicate',
      `"${id}" already has a row (row ${seen.get(id)}); keep one row per copy`,
    );
  }
  if (!match.copy || record.length !== count + 2)
    return { codeMismatch: match.codeMismatch ?? false };
  const copy = match.copy;
  const answers = copy.items.map((item, i) => {
    const column = i + 3;
    const result = readAnswer(item, record[column - 1] ?? '');
    if (result.ok) return result.answer;
    row.error(
      column,
      'responses-answer',
      `${result.message} (${TYPE_LABELS[item.question.type]}, question "${item.question.id}" on ${copyName(copy)})`,
    );
    return null;
  });
  return { sheet: { copy, answers, ...(match.student ? { student: match.student } : {}) } };
}

function copyName(copy: QuizCopy): string {
  return copy.student ? `${copy.student.name}'s copy` : `version ${copy.version}`;
}
