/** `handout build`: every quiz, briefing and export of the project, in one run. */
import type { Io } from '../cli/io.js';
import { requireContent } from '../content.js';
import { openProject } from '../project.js';
import { mergePlans, type BuildPlan } from './plan.js';
import { outputDir, parseFormats, type OutputOptions } from './options.js';
import { planQuiz } from './quiz-plan.js';
import { blueprintRoster } from './quiz-command.js';
import { planBriefing } from './briefing-plan.js';
import { planExports, type QuizExport } from './export-plan.js';
import { runPlan } from './run.js';
import { withPrinting } from './produce.js';

export async function buildCommand(options: OutputOptions, io: Io): Promise<number> {
  const project = openProject(options.project, io.cwd);
  const formats = parseFormats(options.format);
  return withPrinting(
    formats.includes('pdf'),
    {
      io,
      quiet: options.quiet ?? false,
      ...(options.chromium ? { chromium: options.chromium } : {}),
    },
    async (printer) => {
      const { content, problems } = await requireContent(project);
      if (problems.warnings.length > 0 && !options.quiet)
        io.stderr(
          `build: ${problems.warnings.length} warning(s); run "handout lint" to see them\n`,
        );
      const plans: BuildPlan[] = [];
      const exports: QuizExport[] = [];
      for (const blueprint of content.blueprints) {
        const roster = await blueprintRoster(blueprint);
        exports.push({
          blueprint,
          seed: blueprint.seed,
          versions: blueprint.versions,
          ...(roster ? { students: roster.students } : {}),
        });
        plans.push(
          planQuiz(content, blueprint, {
            seed: blueprint.seed,
            formats,
            versions: blueprint.versions,
            ...(roster ? { roster } : {}),
            versionsWithRoster: true,
            split: false,
            duplex: blueprint.duplex,
          }),
        );
      }
      for (const config of content.briefings) {
        const quiz = config.forQuiz
          ? content.blueprints.find((b) => b.id === config.forQuiz)
          : undefined;
        plans.push(
          planBriefing(content, config, {
            formats,
            editions: config.editions,
            overview: true,
            ...(quiz ? { openBook: { blueprint: quiz, seed: quiz.seed } } : {}),
            dateSeed: quiz?.seed ?? 0,
          }),
        );
      }
      plans.push(planExports(content, { bank: true, quizzes: exports }));
      const command = ['handout build', options.format ? `--format ${formats.join(',')}` : '']
        .filter(Boolean)
        .join(' ');
      const rosters = content.blueprints.flatMap((b) => (b.roster ? [b.roster] : []));
      await runPlan(project, mergePlans(plans), {
        io,
        outDir: outputDir(project, options.out, io.cwd),
        command,
        quiet: options.quiet ?? false,
        ...(printer ? { printer } : {}),
        ...(options.chromium ? { chromium: options.chromium } : {}),
        extraInputs: rosters,
      });
      return 0;
    },
  );
}
