/**
 * CSV for spreadsheets: the questions (one row each, answers readable) and,
 * for a built quiz, the answer keys (one row per copy and item). UTF-8 with
 * a header row, written by csv-stringify, which quotes what needs quoting.
 * Text cells that start with "=", "+", "-" or "@" get a leading apostrophe
 * (csv-stringify's escape_formulas), so a spreadsheet never runs bank text
 * as a formula; JSON has the exact values.
 */
import { stringify } from 'csv-stringify/sync';
import { keyRows, questionRows } from './rows.js';
import type { ExportFile, ExportInput, ExportResult } from './types.js';

function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[]): string {
  return stringify(rows, {
    header: true,
    columns,
    escape_formulas: true,
    record_delimiter: 'unix',
  });
}

export const QUESTION_COLUMNS = [
  'id',
  'type',
  'group',
  'prompt',
  'answer',
  'other_options',
  'passages',
  'citation',
  'evidence',
  'explanation',
  'difficulty',
  'tags',
  'points',
] as const;
export const KEY_COLUMNS = [
  'quiz',
  'seed',
  'copy',
  'version',
  'student_id',
  'student_name',
  'item',
  'question_id',
  'type',
  'points',
  'key',
  'citation',
] as const;

export function exportCsv(input: ExportInput): ExportResult {
  const files: ExportFile[] = [];
  const questions = toCsv(questionRows(input), [...QUESTION_COLUMNS]);
  if (!input.quiz)
    return { files: [{ path: `csv/${input.name}.csv`, data: questions }], warnings: [] };
  files.push({ path: `csv/${input.name}-questions.csv`, data: questions });
  files.push({
    path: `csv/${input.name}-keys.csv`,
    data: toCsv(keyRows(input.quiz, input.corpus), [...KEY_COLUMNS]),
  });
  return { files, warnings: [] };
}
