/**
 * The one printer of a run, owned by the frame (generate.ts). Nothing is
 * loaded until it is needed: puppeteer is imported and the browser launched
 * on the first print, or earlier with warmUp() when the command knows it will
 * print, so that the browser starts while the bank is still loading. Closed,
 * if it was ever started, when the run ends, fails or is interrupted.
 */
import type { Io } from '../terminal/io.js';
import { progressReporter } from '../terminal/progress.js';
import type { OnBusy, OnPrinted, OpenPrinter, PrintedPdf, PrintJob } from '../pdf/print-jobs.js';

export interface RunPrinter {
  /** PDFs in job order; see Printer.printAll. */
  printAll(jobs: readonly PrintJob[]): Promise<PrintedPdf[]>;
  /** Each PDF handed on as it is printed; see Printer.printEach. */
  printEach(jobs: readonly PrintJob[], onPrinted: OnPrinted, onBusy?: OnBusy): Promise<void>;
  /**
   * Starts loading puppeteer and launching the browser now; resolves once
   * the browser's process is starting (not ready), never rejects: a failure
   * shows up at the first print.
   */
  warmUp(): Promise<void>;
  /**
   * The run prints nothing more: the browser starts closing now, while the
   * files are still being joined and moved into place, instead of after.
   * Printing after this fails as after Ctrl-C.
   */
  done(): void;
}

export interface RunPrinterOptions {
  io: Io;
  quiet: boolean;
  /** --chromium PATH, if given. */
  chromium?: string;
}

export async function withRunPrinter<T>(
  options: RunPrinterOptions,
  fn: (printer: RunPrinter) => Promise<T>,
): Promise<T> {
  let started: Promise<OpenPrinter> | undefined;
  let unregister: (() => void) | undefined;
  const start = (): Promise<OpenPrinter> =>
    (started ??= import('../pdf/printer.js').then(({ openPrinter }) => {
      const printer = openPrinter({
        env: options.io.env,
        ...(options.chromium ? { executablePath: options.chromium } : {}),
        onProgress: progressReporter(options.io, options.quiet),
        onInterrupt: options.io.onInterrupt,
      });
      unregister = options.io.onInterrupt(() => printer.close());
      return printer;
    }));
  try {
    return await fn({
      printAll: async (jobs) => (await start()).printAll(jobs),
      printEach: async (jobs, onPrinted, onBusy) =>
        (await start()).printEach(jobs, onPrinted, onBusy),
      warmUp: () =>
        start().then(
          (printer) => printer.warmUp(),
          () => undefined, // Reported at the first print.
        ),
      done: () => {
        // Awaited below, where a failure to close is as harmless as it is there.
        void started?.then((printer) => printer.close()).catch(() => undefined);
      },
    });
  } finally {
    unregister?.();
    const printer = await started?.catch(() => undefined);
    await printer?.close();
  }
}
