/**
 * Class rosters (formats.md §4): CSV with a header row and at least the
 * columns `id` and `name`. Parsed with a real CSV parser (quoted commas,
 * line breaks in quotes, BOM). Every bad row is reported, by row and line,
 * before anything is generated.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { HandoutError, ProblemList, type Problem } from '../errors.js';
import { unprintableName } from '../lint/fonts.js';
import type { Student } from './copy.js';

interface Record_ {
  record: string[];
  info: { lines: number };
}

export interface Roster {
  students: Student[];
  /** Names no bundled font can print, at their rows: shown, but the run goes on. */
  warnings: Problem[];
}

export async function loadRoster(file: string): Promise<Student[]> {
  return (await readRoster(file)).students;
}

export async function readRoster(file: string): Promise<Roster> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new HandoutError(
      `cannot read the roster ${file}: check the path (a roster named in a blueprint is relative to the blueprint's folder)`,
      { code: 'roster-unreadable', cause },
    );
  }
  return checkRoster(file, text);
}

export function parseRoster(file: string, text: string): Student[] {
  return checkRoster(file, text).students;
}

/** The students, or a HandoutError listing every bad row; warnings do not stop it. */
export function checkRoster(file: string, text: string): Roster {
  const problems = new ProblemList();
  let rows: Record_[];
  try {
    rows = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: false,
    }) as unknown as Record_[];
  } catch (cause) {
    const line = (cause as { lines?: number }).lines;
    problems.error(
      { file, ...(line ? { line } : {}) },
      'roster-csv',
      `the roster is not valid CSV (${(cause as Error).message.replace(/^Invalid [^:]*: /, '')}); check for a quote that is opened but never closed`,
    );
    problems.throwIfErrors('the roster cannot be read; fix it and try again');
    return { students: [], warnings: [] };
  }
  const header = rows[0];
  if (!header) {
    problems.error(
      { file, line: 1 },
      'roster-empty',
      'the roster is empty; it needs a header row "id,name" and one row per student',
    );
    problems.throwIfErrors('the roster has no students');
    return { students: [], warnings: [] };
  }
  const columns = header.record.map((c) => c.trim().toLowerCase());
  const idColumn = columns.indexOf('id');
  const nameColumn = columns.indexOf('name');
  for (const [column, index] of [
    ['id', idColumn],
    ['name', nameColumn],
  ] as const) {
    if (index < 0)
      problems.error(
        { file, line: 1 },
        'roster-column',
        `the header row has no "${column}" column (it has: ${header.record.join(', ')}); the first row must name the columns, including id and name`,
      );
  }
  problems.throwIfErrors('the roster is missing required columns');
  const students: Student[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach(({ record, info }, i) => {
    const row = i + 2;
    const at = { file, line: info.lines };
    if (record.length !== header.record.length) {
      problems.error(
        at,
        'roster-columns',
        `row ${row} has ${record.length} fields but the header has ${header.record.length}; check for a missing or extra comma (put names containing commas in double quotes)`,
      );
      return;
    }
    const id = record[idColumn]!.trim();
    const name = record[nameColumn]!.trim().replace(/\s+/g, ' ');
    if (!id)
      problems.error(at, 'roster-no-id', `row ${row} has no student id; give every student an id`);
    if (!name)
      problems.error(at, 'roster-no-name', `row ${row} has no name; give every student a name`);
    if (id && seen.has(id))
      problems.error(
        at,
        'roster-duplicate-id',
        `row ${row} repeats the id "${id}" of row ${seen.get(id)}; every student needs a different id`,
      );
    if (!id || !name || seen.has(id)) return;
    seen.set(id, row);
    const extra = header.record.flatMap((h, c) =>
      c === idColumn || c === nameColumn ? [] : [[h.trim(), record[c]!.trim()] as [string, string]],
    );
    const unprintable = unprintableName(at, name);
    if (unprintable) problems.add(unprintable);
    students.push({ id, name, extra, row });
  });
  if (students.length === 0 && problems.errors.length === 0) {
    problems.error(
      { file, line: 1 },
      'roster-empty',
      'the roster has a header but no students; add one row per student',
    );
  }
  problems.throwIfErrors('the roster has errors; nothing was generated');
  return { students, warnings: problems.warnings };
}
