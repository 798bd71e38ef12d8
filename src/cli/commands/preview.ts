import type { Command } from 'commander';
import { PROJECT_OPTION, type CommandContext } from '../context.js';

export function registerPreview(program: Command, context: CommandContext): void {
  program
    .command('preview')
    .description(
      'serve every page of the project in your browser, re-made and reloaded each time you save a file',
    )
    .option(...PROJECT_OPTION)
    .option('--port <n>', 'the port to listen on (default 4780, or the next free one)')
    .option('--open', 'open the index page in your browser')
    .option(
      '--host <address>',
      'listen on this address instead of 127.0.0.1 (other computers could then see the preview)',
    )
    .option(
      '--chromium <path>',
      "the Chromium or Chrome that prints the print views (default: HANDOUT_CHROMIUM, then puppeteer's, then the system's)",
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ handout preview --open\n  $ handout preview --port 8080',
    )
    .action(async (options) => {
      const { previewCommand } = await import('../../preview/command.js');
      context.setExit(await previewCommand(options, context.io));
    });
}
