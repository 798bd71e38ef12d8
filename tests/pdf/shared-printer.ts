/** One printer (one browser) kept open across the tests of a file. */
import type { Printer, PrinterOptions } from '../../src/pdf/print-jobs.js';
import { withPrinter } from '../../src/pdf/printer.js';

export interface SharedPrinter {
  printer: Printer;
  /** Ends withPrinter, which closes the browser. */
  close(): Promise<void>;
}

export async function openSharedPrinter(options: PrinterOptions): Promise<SharedPrinter> {
  let release = (): void => {};
  const held = new Promise<void>((end) => (release = end));
  let opened: (printer: Printer) => void = () => {};
  const ready = new Promise<Printer>((resolve) => (opened = resolve));
  const finished = withPrinter(options, async (printer) => {
    opened(printer);
    await held;
  });
  const printer = await Promise.race([ready, finished.then(() => undefined)]);
  if (!printer) throw new Error('withPrinter ended before handing out the printer');
  return {
    printer,
    close: async () => {
      release();
      await finished;
    },
  };
}
