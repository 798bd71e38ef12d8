/** `handout stats`: coverage and balance of the bank. */
import { Option, type Command } from 'commander';
import type { Io } from '../terminal/io.js';
import type { CommandContext } from './context.js';
import { PROJECT_OPTION } from './options.js';

export interface StatsOptions {
  project?: string;
  format: string;
}

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
    .action(async (options: StatsOptions) => {
      context.setExit(await statsCommand(options, context.io));
    });
}

export async function statsCommand(options: StatsOptions, io: Io): Promise<number> {
  const [{ openProject }, { requireContent }, { bankStats }, { formatStats }, { formatRuleStats }] =
    await Promise.all([
      import('../project.js'),
      import('../content.js'),
      import('../stats/stats.js'),
      import('../stats/format.js'),
      import('../stats/rules.js'),
    ]);
  const project = openProject(options.project, io.cwd);
  const { content } = await requireContent(project);
  const stats = bankStats(content.bank, content.corpus);
  io.stdout(
    options.format === 'json'
      ? JSON.stringify({ ...stats, lint: content.lint }, null, 2) + '\n'
      : `${formatStats(stats)}\n${formatRuleStats(content.lint, content.bank)}`,
  );
  return 0;
}
