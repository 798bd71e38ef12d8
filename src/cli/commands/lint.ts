import { Option, type Command } from 'commander';
import { PROJECT_OPTION, type CommandContext } from '../context.js';

export function registerLint(program: Command, context: CommandContext): void {
  program
    .command('lint')
    .description(
      'check the corpus and the question bank, and list every problem with its file and line',
    )
    .option(...PROJECT_OPTION)
    .option('--strict', 'treat warnings (the item-writing rules among them) as errors')
    .option(
      '--update-lock',
      'accept the articles as they are now: record their paragraphs in corpus.lock, then lint',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      '\nOutput: one line per problem, "file:line:col  severity  message".\nExit code: 0 clean, 1 errors (or warnings with --strict).\n\nA question silences a warning with allow: { RULE-ID: "reason" }; "handout stats"\nlists the rules, how often each fired and every reason given.\n\nExample:\n  $ handout lint --strict\n  $ handout lint --format json > problems.json\n  $ handout lint --update-lock     # after checking what cites a changed paragraph',
    )
    .action(
      async (options: {
        project?: string;
        strict?: boolean;
        format: string;
        updateLock?: boolean;
      }) => {
        const { lintCommand } = await import('../../lint/command.js');
        context.setExit(await lintCommand(options, context.io));
      },
    );
}
