import { Option, type Command } from 'commander';
import { PROJECT_OPTION, type CommandContext } from '../context.js';

export function registerStats(program: Command, context: CommandContext): void {
  program
    .command('stats')
    .description(
      'show coverage and balance: questions per article, paragraph, type, difficulty and tag',
    )
    .option(...PROJECT_OPTION)
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .addHelpText('after', '\nExample:\n  $ handout stats\n  $ handout stats --format json')
    .action(async (options: { project?: string; format: string }) => {
      const { statsCommand } = await import('../../stats/command.js');
      context.setExit(await statsCommand(options, context.io));
    });
}
