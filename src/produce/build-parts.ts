/**
 * What `handout build` makes of a project: each quiz with the settings of
 * its blueprint (versions, roster, seed), each briefing with its open-book
 * packs, and the exports. The build command plans all of it; the preview
 * serves the same documents one at a time, so both stay the same by
 * construction.
 */
import type { Content } from '../content.js';
import type { Problem } from '../errors.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { BriefingConfig } from '../briefing/config.js';
import type { OutputFormat } from './plan.js';
import type { QuizPlanOptions } from './quiz-planning.js';
import type { BriefingPlanOptions } from './briefing-plan.js';
import type { QuizExport } from './export-plan.js';
import { blueprintRoster } from './class-roster.js';

export interface BuildParts {
  quizzes: { blueprint: Blueprint; options: QuizPlanOptions }[];
  briefings: { config: BriefingConfig; options: BriefingPlanOptions }[];
  exports: QuizExport[];
  /** Roster names no bundled font can print: shown, but the build goes on. */
  warnings: Problem[];
}

export async function buildParts(content: Content, formats: OutputFormat[]): Promise<BuildParts> {
  const parts: BuildParts = { quizzes: [], briefings: [], exports: [], warnings: [] };
  for (const blueprint of content.blueprints) {
    const roster = await blueprintRoster(blueprint);
    if (roster) parts.warnings.push(...roster.warnings);
    parts.exports.push({
      blueprint,
      seed: blueprint.seed,
      versions: blueprint.versions,
      ...(roster ? { students: roster.students } : {}),
    });
    parts.quizzes.push({
      blueprint,
      options: {
        seed: blueprint.seed,
        formats,
        versions: blueprint.versions,
        ...(roster ? { roster } : {}),
        versionsWithRoster: true,
        split: false,
        duplex: blueprint.duplex,
      },
    });
  }
  for (const config of content.briefings) {
    const quiz = config.forQuiz
      ? content.blueprints.find((b) => b.id === config.forQuiz)
      : undefined;
    parts.briefings.push({
      config,
      options: {
        formats,
        editions: config.editions,
        overview: true,
        ...(quiz ? { openBook: { blueprint: quiz, seed: quiz.seed } } : {}),
        dateSeed: quiz?.seed ?? 0,
      },
    });
  }
  return parts;
}
