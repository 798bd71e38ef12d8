/**
 * The shapes every exporter shares. Exporters are pure: they take an
 * `ExportInput` and return files (paths relative to the output folder) and
 * warnings; the output writer is the only thing that touches the disk.
 */
import type { Question } from '../bank/question.js';
import type { Corpus } from '../corpus/article.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy } from '../quiz/copy.js';

export const EXPORT_FORMATS = ['moodle', 'gift', 'qti', 'amc', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  /** Relative to the output folder, forward slashes: "moodle/unit-quiz.xml". */
  path: string;
  data: string | Uint8Array;
}

/** Something a format could not carry, with every question it concerns. */
export interface ExportWarning {
  format: ExportFormat;
  ids: string[];
  message: string;
}

export interface ExportResult {
  files: ExportFile[];
  warnings: ExportWarning[];
}

/**
 * A set of questions exported together: a blueprint section (with how many
 * each copy draws) or, for the whole bank, the questions on one article.
 * Every question belongs to exactly one group.
 */
export interface ExportGroup {
  title: string;
  /** How many questions a copy draws from the group; absent for the bank. */
  pick?: number;
  /** Sorted by id. */
  questions: Question[];
}

/** What a quiz-scoped export knows beyond its questions. */
export interface QuizScope {
  blueprint: Blueprint;
  seed: number;
  /** The drawn copies (versions, or one per student), whose keys CSV/JSON list. */
  copies: QuizCopy[];
}

export interface ExportInput {
  /** File stem shared by every format: the quiz id, or BANK_NAME. */
  name: string;
  /** Shown as the quiz title and used for categories. */
  title: string;
  instructions?: string;
  groups: ExportGroup[];
  corpus: Corpus;
  quiz?: QuizScope;
}

export type Exporter = (input: ExportInput) => ExportResult;

/** File stem of whole-bank exports. */
export const BANK_NAME = 'question-bank';
