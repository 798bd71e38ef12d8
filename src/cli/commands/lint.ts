import { Option, type Command } from 'commander';
import { PROJECT_OPTION, type CommandContext } from '../context.js';

export function registerLint(program: Command, context: CommandContext): void {
  program
    .command('lint')
    .description(
      'check the corpus and the question bank, and list every problem with its file and line',
    )
    .option(...PROJECT_OPTION)
    .option('--strict', 'fail on warnings too')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      '\nOutput: one line per problem, "file:line:col  severity  message".\nExit code: 0 clean, 1 errors (or warnings with --strict).\n\nExample:\n  $ handout lint --strict\n  $ handout lint --format json > problems.json',
    )
    .action(async (options: { project?: string; strict?: boolean; format: string }) => {
      const { lintCommand } = await import('../../lint/command.js');
      context.setExit(await lintCommand(options, context.io));
    });
}
