/** `handout preview`: a live preview server for the teacher's editing loop. */
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import { HandoutError } from '../errors.js';
import { relativeTo } from '../terminal/report.js';
import type { CommandContext } from './context.js';
import { PROJECT_OPTION } from './options.js';

export interface PreviewOptions {
  project?: string;
  port?: string;
  host?: string;
  open?: boolean;
  chromium?: string;
}

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
    .action(async (options: PreviewOptions) => {
      context.setExit(await previewCommand(options, context.io));
    });
}

/** Fixed, so a bookmarked preview keeps working; the next free one when it is taken. */
export const DEFAULT_PORT = 4780;
export const LOOPBACK = '127.0.0.1';

export function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65535)
    throw new HandoutError(
      `--port "${text}" is not a port number; use a number from 1024 to 65535 (0: any free port)`,
      { code: 'bad-port' },
    );
  return port;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Runs until Ctrl-C. Then, in this order: the open pages are told, the
 * server and watcher close, the browser that printed the print views
 * closes, and the temporary fonts folder is removed.
 */
export async function previewCommand(options: PreviewOptions, io: Io): Promise<number> {
  const [{ openProject }, { withRunPrinter }, { startPreview }] = await Promise.all([
    import('../project.js'),
    import('../produce/printer.js'),
    import('../preview/server.js'),
  ]);
  const project = openProject(options.project, io.cwd);
  const port = parsePort(options.port);
  const host = options.host ?? LOOPBACK;
  if (!isLoopback(host)) {
    io.stderr(
      `warning: --host ${host} lets other computers that can reach this one open the preview, answer keys included. Use it only on a network you trust.\n`,
    );
  }
  let stop = (): void => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let finish = (): void => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  // Ctrl-C: stop in order, and let the process exit only once everything is closed.
  const unregister = io.onInterrupt(async () => {
    stop();
    await finished;
  });
  try {
    await withRunPrinter(
      {
        // The handler above closes the printer, last, by ending this call: it needs none of its own.
        io: { ...io, onInterrupt: () => () => undefined },
        quiet: true,
        ...(options.chromium ? { chromium: options.chromium } : {}),
      },
      async (printer) => {
        const preview = await startPreview({
          root: project.root,
          cwd: io.cwd,
          host,
          port,
          printer,
          log: (line) => io.stderr(`${line}\n`),
        });
        if (port !== 0 && preview.port !== port)
          io.stderr(`port ${port} is in use; using ${preview.port}\n`);
        io.stderr(
          `handout preview: ${relativeTo(io.cwd, project.root)} at ${preview.url}\n` +
            'Save a file under corpus/, questions/ or templates/ and open pages reload. Ctrl-C stops.\n',
        );
        if (options.open) openBrowser(preview.url, io);
        await stopped;
        await preview.close();
      },
    );
  } finally {
    unregister();
    finish();
  }
  io.stderr('handout preview: stopped\n');
  return 0;
}

/** Opens the teacher's own browser, as their desktop would open a link. */
function openBrowser(url: string, io: Io): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => io.stderr(`could not open a browser; open ${url} yourself\n`));
  child.unref();
}
