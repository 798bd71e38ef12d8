/** `handout build`: every quiz, briefing and export of the project, in one run. */
import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import type { BuildPlan } from '../produce/plan.js';
import type { Bank } from '../bank/load.js';
import { relativeTo } from '../terminal/report.js';
import type { CommandContext } from './context.js';
import { formatProblems } from '../terminal/report.js';
import { parseFormats, withOutputOptions, type OutputOptions } from './options.js';

export interface BuildOptions extends OutputOptions {
  fullKeys?: boolean;
}

export function registerBuild(program: Command, context: CommandContext): void {
  withOutputOptions(
    program
      .command('build')
      .description(
        'build every quiz (versions, keys, class packs), briefing and export of the project into out/',
      )
      .option(
        '--full-keys',
        'class keys as one full answer key per copy instead of a marking grid per copy and one explanations booklet',
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
  const [
    { commandLine, generate },
    { mergePlans },
    quizPlan,
    { planBriefing },
    { planExports },
    { buildParts },
    { lastRunFiles, retiredFiles },
  ] = await Promise.all([
    import('../produce/generate.js'),
    import('../produce/plan.js'),
    import('../produce/quiz-plan.js'),
    import('../produce/briefing-plan.js'),
    import('../produce/export-plan.js'),
    import('../produce/build-parts.js'),
    import('../produce/retired.js'),
  ]);
  return generate(
    options,
    io,
    formats.includes('pdf'),
    async ({ content, problems, outDir }) => {
      if (problems.warnings.length > 0 && !options.quiet) {
        io.stderr(
          `build: ${problems.warnings.length} warning(s); run "handout lint" to see them\n`,
        );
      }
      const parts = await buildParts(content, formats);
      if (!options.quiet) io.stderr(formatProblems(parts.warnings, io.cwd));
      const plans: BuildPlan[] = [
        ...parts.quizzes.map((quiz) =>
          quizPlan.planQuiz(content, quiz.blueprint, {
            ...quiz.options,
            fullKeys: options.fullKeys ?? false,
            shareThreads: true,
          }),
        ),
        ...parts.briefings.map((briefing) =>
          planBriefing(content, briefing.config, briefing.options),
        ),
        planExports(content, { bank: true, quizzes: parts.exports }),
      ];
      // A quiz deleted from the project: what the last run wrote of it goes (retired.ts).
      const retired = retiredFiles(await lastRunFiles(outDir), content);
      return {
        plan: { ...mergePlans(plans), retired },
        command: commandLine(
          'handout build',
          options.format !== undefined && `--format ${formats.join(',')}`,
          options.fullKeys && '--full-keys',
        ),
        extraInputs: content.blueprints.flatMap((b) => (b.roster ? [b.roster] : [])),
        notes: emptyBankFiles(content.bank).map(
          (file) =>
            `Note: ${relativeTo(io.cwd, file)} holds no questions, so nothing from it is in these files.`,
        ),
      };
    },
    // build counts the warnings for the teacher, so the warning rules run.
    { lintWarnings: true },
  );
}

/** Question files that gave no question: empty, comments only, or an empty list (lint warns about the first). */
function emptyBankFiles(bank: Bank): string[] {
  const used = new Set(bank.questions.map((q) => q.source.file));
  return bank.files.filter((file) => !used.has(file));
}
