/** `handout export`: the bank, or one quiz, for learning platforms and paper scanners. */
import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import type { CommandContext } from './context.js';
import { parseSeed, PROJECT_OPTION, quizzesFolder } from './options.js';

export interface ExportOptions {
  project?: string;
  out?: string;
  quiet?: boolean;
  format?: string;
  quiz?: string;
  seed?: string;
}

export function registerExport(program: Command, context: CommandContext): void {
  program
    .command('export')
    .description(
      'export the bank (or one quiz) for Moodle, GIFT, Canvas (QTI 1.2), Auto Multiple Choice, CSV and JSON',
    )
    .option(...PROJECT_OPTION)
    .option(
      '--format <list>',
      `comma-separated: moodle, gift, qti, amc, csv, json or all (default all)`,
    )
    .option(
      '--quiz <quiz-id>',
      'export this quiz (sections become question groups; keys of its versions) instead of the whole bank',
    )
    .option('--seed <n>', 'with --quiz, the seed of the copies whose keys are exported')
    .option(
      '--out <dir>',
      'write into this folder instead of out/ (files go to exports/ inside it)',
    )
    .option('--quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout export --format moodle,qti\n  $ handout export --quiz missile-defense-unit --format csv',
    )
    .action(async (options: ExportOptions) => {
      context.setExit(await exportCommand(options, context.io));
    });
}

export async function exportCommand(options: ExportOptions, io: Io): Promise<number> {
  const [{ commandLine, generate }, { planExports }, exporters, { findBlueprint }] =
    await Promise.all([
      import('../produce/generate.js'),
      import('../produce/export-plan.js'),
      import('../export/index.js'),
      import('../quiz/blueprint.js'),
    ]);
  const formats =
    options.format === undefined
      ? [...exporters.EXPORT_FORMATS]
      : exporters.parseExportFormats([options.format]);
  const seedFlag = parseSeed(options.seed);
  return generate(options, io, false, ({ content }) => {
    const blueprint = options.quiz
      ? findBlueprint(content.blueprints, options.quiz, quizzesFolder(content.project, io.cwd))
      : undefined;
    const plan = planExports(content, {
      formats,
      bank: blueprint === undefined,
      quizzes: blueprint
        ? [{ blueprint, seed: seedFlag ?? blueprint.seed, versions: blueprint.versions }]
        : [],
      full: true,
    });
    const command = commandLine(
      'handout export',
      `--format ${formats.join(',')}`,
      blueprint && `--quiz ${blueprint.id}`,
      seedFlag !== undefined && `--seed ${seedFlag}`,
    );
    return { plan, command };
  });
}
