/**
 * Exports as planned files under out/exports/: the whole bank, and each
 * quiz with the answer keys of every copy the build makes (versions and
 * roster copies alike).
 */
import type { Content } from '../content.js';
import {
  exportFormats,
  mergeExports,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportResult,
} from '../export/index.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { drawStudentCopies, drawVersions } from '../quiz/draw.js';
import { emptyPlan, type BuildPlan } from './plan.js';

export interface QuizExport {
  blueprint: Blueprint;
  seed: number;
  versions: number;
  students?: Student[];
}

/**
 * `full`: list every question id in warnings (handout export); otherwise
 * (handout build) a few, and how to see them all.
 */
export function planExports(
  content: Content,
  options: {
    formats?: readonly ExportFormat[];
    bank: boolean;
    quizzes: QuizExport[];
    full?: boolean;
  },
): BuildPlan {
  const formats = options.formats ?? EXPORT_FORMATS;
  const results: ExportResult[] = [];
  if (options.bank) results.push(exportFormats(content, { formats }));
  for (const { blueprint, seed, versions, students } of options.quizzes) {
    const copies: QuizCopy[] = [
      ...drawVersions(content.bank.questions, blueprint, seed, versions),
      ...drawStudentCopies(content.bank.questions, blueprint, seed, students ?? []),
    ];
    results.push(exportFormats(content, { formats, quiz: blueprint, seed, copies }));
  }
  const merged = mergeExports(results);
  const plan = emptyPlan();
  plan.files = merged.files.map((file) => ({
    path: `exports/${file.path}`,
    data: file.data,
    kind: `export (${file.path.split('/')[0]})`,
  }));
  plan.warnings = merged.warnings.map(
    (w) =>
      `${w.format} export: ${options.full ? w.message : shortenIds(w.message, w.ids, w.format)}`,
  );
  for (const quiz of options.quizzes) plan.seeds[quiz.blueprint.id] = quiz.seed;
  return plan;
}

const LISTED_IDS = 5;

function shortenIds(message: string, ids: string[], format: string): string {
  const list = ids.join(', ');
  if (ids.length <= LISTED_IDS || !message.includes(list)) return message;
  return message.replace(
    list,
    `${ids.slice(0, LISTED_IDS).join(', ')} and ${ids.length - LISTED_IDS} more ("handout export --format ${format}" lists them all)`,
  );
}
