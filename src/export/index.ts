/**
 * Entry point of the exporters for `handout export` and `handout build`:
 * choose the questions (the whole bank, or one quiz), run each requested
 * format, and hand back files and warnings. Nothing here writes to disk;
 * the caller gives `files` to the output writer.
 */
import type { Content } from '../content.js';
import { compareStrings, HandoutError } from '../errors.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy } from '../quiz/copy.js';
import { drawVersions } from '../quiz/draw.js';
import { didYouMean } from '../util/text.js';
import { exportAmc } from './amc.js';
import { exportCsv } from './csv.js';
import { exportGift } from './gift.js';
import { bankInput, quizInput } from './input.js';
import { exportJson } from './json.js';
import { exportMoodle } from './moodle.js';
import { exportQti } from './qti.js';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportInput,
  type ExportResult,
  type Exporter,
} from './types.js';

export { EXPORT_FORMATS, BANK_NAME } from './types.js';
export type {
  ExportFile,
  ExportFormat,
  ExportInput,
  ExportResult,
  ExportWarning,
} from './types.js';

const EXPORTERS: Record<ExportFormat, Exporter> = {
  moodle: exportMoodle,
  gift: exportGift,
  qti: exportQti,
  amc: exportAmc,
  csv: exportCsv,
  json: exportJson,
};

/** What to export (the flags of `handout export` are read into this by commands/export.ts). */
export interface ExportRequest {
  formats: readonly ExportFormat[];
  /** Export this quiz (its questions, sections and keys) instead of the whole bank. */
  quiz?: Blueprint;
  /** Seed for the quiz's copies; defaults to the blueprint's. */
  seed?: number;
  /**
   * The copies whose keys CSV/JSON list. Defaults to the blueprint's
   * versions drawn with `seed`; `handout build` passes its own copies so
   * that roster copies are included.
   */
  copies?: QuizCopy[];
}

export function exportInput(
  content: Pick<Content, 'bank' | 'corpus'>,
  options: Omit<ExportRequest, 'formats'>,
): ExportInput {
  const { bank, corpus } = content;
  if (!options.quiz) return bankInput(bank.questions, corpus);
  const seed = options.seed ?? options.quiz.seed;
  const copies = options.copies ?? drawVersions(bank.questions, options.quiz, seed);
  return quizInput(bank.questions, corpus, options.quiz, seed, copies);
}

/** Runs the requested formats (each once, in EXPORT_FORMATS order); files are sorted by path. */
export function exportFormats(
  content: Pick<Content, 'bank' | 'corpus'>,
  options: ExportRequest,
): ExportResult {
  const input = exportInput(content, options);
  const result: ExportResult = { files: [], warnings: [] };
  for (const format of EXPORT_FORMATS.filter((f) => options.formats.includes(f))) {
    const { files, warnings } = EXPORTERS[format](input);
    result.files.push(...files);
    result.warnings.push(...warnings);
  }
  result.files.sort((a, b) => compareStrings(a.path, b.path));
  return result;
}

/** Checks `--format` values (comma-separated or repeated); "all" means every format. */
export function parseExportFormats(values: readonly string[]): ExportFormat[] {
  const names = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
  if (names.includes('all')) return [...EXPORT_FORMATS];
  const unknown = names.filter((n) => !(EXPORT_FORMATS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    const said =
      unknown.length > 0
        ? `unknown export format "${unknown[0]}"${didYouMean(unknown[0]!, EXPORT_FORMATS)}`
        : 'no export format given';
    throw new HandoutError(`${said}; choose from ${EXPORT_FORMATS.join(', ')} (or all)`, {
      code: 'unknown-format',
    });
  }
  return EXPORT_FORMATS.filter((f) => names.includes(f));
}

/**
 * Joins the results of several exports (the bank and each quiz in `handout
 * build`), failing if two would write the same file, e.g. a quiz whose id
 * is the bank's file name.
 */
export function mergeExports(results: readonly ExportResult[]): ExportResult {
  const files = results.flatMap((r) => r.files).sort((a, b) => compareStrings(a.path, b.path));
  const clash = files.find((f, i) => i > 0 && files[i - 1]!.path === f.path);
  if (clash) {
    throw new HandoutError(
      `two exports would both write ${clash.path}; rename the quiz whose id matches that file name`,
      { code: 'export-clash' },
    );
  }
  return { files, warnings: results.flatMap((r) => r.warnings) };
}
