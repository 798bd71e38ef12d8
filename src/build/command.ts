/** `handout build`: every quiz, briefing and export of the project, in one run. */
import type { Io } from '../cli/io.js';
import { mergePlans, type BuildPlan } from './plan.js';
import { parseFormats, type OutputOptions } from './options.js';
import { planQuiz } from './quiz-plan.js';
import { blueprintRoster } from './quiz-command.js';
import { planBriefing } from './briefing-plan.js';
import { planExports, type QuizExport } from './export-plan.js';
import { commandLine, generate } from './generate.js';

export async function buildCommand(options: OutputOptions, io: Io): Promise<number> {
  const formats = parseFormats(options.format);
  return generate(options, io, formats.includes('pdf'), async ({ content, problems }) => {
    if (problems.warnings.length > 0 && !options.quiet) {
      io.stderr(`build: ${problems.warnings.length} warning(s); run "handout lint" to see them\n`);
    }
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
    return {
      plan: mergePlans(plans),
      command: commandLine(
        'handout build',
        options.format !== undefined && `--format ${formats.join(',')}`,
      ),
      extraInputs: content.blueprints.flatMap((b) => (b.roster ? [b.roster] : [])),
    };
  });
}
