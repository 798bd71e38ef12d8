/** `handout build`: every quiz, briefing and export of the project, in one run. */
import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import type { BuildPlan } from '../produce/plan.js';
import type { QuizExport } from '../produce/export-plan.js';
import type { CommandContext } from './context.js';
import { parseFormats, withOutputOptions, type OutputOptions } from './options.js';

export type BuildOptions = OutputOptions;

export function registerBuild(program: Command, context: CommandContext): void {
  withOutputOptions(
    program
      .command('build')
      .description(
        'build every quiz (versions, keys, class packs), briefing and export of the project into out/',
      ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ handout build\n  $ handout build --format html --out /tmp/preview',
    )
    .action(async (options: BuildOptions) => {
      context.setExit(await buildCommand(options, context.io));
    });
}

export async function buildCommand(options: BuildOptions, io: Io): Promise<number> {
  const formats = parseFormats(options.format);
  const [{ commandLine, generate }, { mergePlans }, quizPlan, { planBriefing }, { planExports }] =
    await Promise.all([
      import('../produce/generate.js'),
      import('../produce/plan.js'),
      import('../produce/quiz-plan.js'),
      import('../produce/briefing-plan.js'),
      import('../produce/export-plan.js'),
    ]);
  return generate(options, io, formats.includes('pdf'), async ({ content, problems }) => {
    if (problems.warnings.length > 0 && !options.quiet) {
      io.stderr(`build: ${problems.warnings.length} warning(s); run "handout lint" to see them\n`);
    }
    const plans: BuildPlan[] = [];
    const exports: QuizExport[] = [];
    for (const blueprint of content.blueprints) {
      const roster = await quizPlan.blueprintRoster(blueprint);
      exports.push({
        blueprint,
        seed: blueprint.seed,
        versions: blueprint.versions,
        ...(roster ? { students: roster.students } : {}),
      });
      plans.push(
        quizPlan.planQuiz(content, blueprint, {
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
