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
  BANK_NAME,
  type ExportFormat,
  type ExportResult,
} from '../export/index.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { drawStudentCopies, drawVersions } from '../quiz/draw.js';
import { emptyPlan, literally, type BuildPlan } from './plan.js';

export interface QuizExport {
  blueprint: Blueprint;
  seed: number;
  versions: number;
  students?: Student[];
}

/**
 * `full`: every warning with every question id (handout export); otherwise
 * (handout build) one line counting the questions each format leaves out or
 * adjusts, and how to see them.
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
  plan.warnings = options.full
    ? merged.warnings.map((w) => `${w.format} export: ${w.message}`)
    : summarise(merged.warnings);
  for (const quiz of options.quizzes) plan.seeds[quiz.blueprint.id] = quiz.seed;
  // Each exported name's files in every format's folder are this run's: a
  // format it does not export again is removed, not left behind from
  // another bank or seed. Other names' exports (another quiz) stay.
  const names = [
    ...(options.bank ? [BANK_NAME] : []),
    ...options.quizzes.map((q) => q.blueprint.id),
  ];
  for (const format of EXPORT_FORMATS)
    for (const name of names)
      plan.owned.push({ folder: `exports/${format}`, names: exportNames(name) });
  return plan;
}

/** The names of one export (the bank's, or a quiz's) in each format's folder. */
export function exportNames(name: string): RegExp {
  return new RegExp(`^${literally(name)}(?:-questions|-keys)?\\.(?:xml|txt|zip|csv|json)$`);
}

/** "exports: amc 88 questions, gift 27, ..." — the bank and each quiz counted once per question. */
function summarise(warnings: ExportResult['warnings']): string[] {
  if (warnings.length === 0) return [];
  const ids = new Map<string, Set<string>>();
  for (const w of warnings) ids.set(w.format, new Set([...(ids.get(w.format) ?? []), ...w.ids]));
  const counts = [...ids].map(([format, set]) => `${format} ${set.size}`).join(', ');
  return [
    `some questions cannot be carried as they are by every export format, and were left out or adjusted (${counts}); "handout export --format <format>" says which and why`,
  ];
}
