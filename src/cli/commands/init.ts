import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description(
      'create a small working project (one article, a few questions, a quiz blueprint) to start from',
    )
    .argument('<dir>', 'the folder to create (must be empty or not exist)')
    .addHelpText('after', '\nExample:\n  $ handout init my-unit && cd my-unit && handout lint')
    .action(async (dir: string) => {
      const { initCommand } = await import('../../init.js');
      context.setExit(await initCommand(dir, context.io));
    });
}
