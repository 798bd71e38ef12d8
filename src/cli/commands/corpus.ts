import type { Command } from 'commander';
import { PROJECT_OPTION, type CommandContext } from '../context.js';

export function registerCorpus(program: Command, context: CommandContext): void {
  const corpus = program.command('corpus').description('work on the article corpus');
  corpus
    .command('import')
    .description(
      'draft corpus/<id>.md from a raw article saved as text, and list what was removed or unsure',
    )
    .argument('<file>', 'the raw article text')
    .option('--id <id>', 'the article id (default: made from the headline and year)')
    .option(...PROJECT_OPTION)
    .option('--stdout', 'print the draft instead of writing it into corpus/')
    .option('--force', 'overwrite an existing corpus file with the same id')
    .addHelpText(
      'after',
      '\nExample:\n  $ handout corpus import ~/Downloads/lavrov.txt --id lavrov-studying-proposals-2013\n\nReview the draft: fill in the fields marked FILL IN, then run "handout lint".',
    )
    .action(
      async (
        file: string,
        options: { id?: string; project?: string; stdout?: boolean; force?: boolean },
      ) => {
        const { importCommand } = await import('../../corpus/import-command.js');
        context.setExit(await importCommand(file, options, context.io));
      },
    );
}
