/**
 * Progress for batches of PDFs: a bar that redraws in place on a terminal,
 * plain lines otherwise (logs, CI), nothing with --quiet. Always on stderr.
 */
import type { Io } from './io.js';

export type ProgressReporter = (done: number, total: number, name: string) => void;

export function progressReporter(io: Io, quiet: boolean): ProgressReporter {
  if (quiet) return () => undefined;
  if (!io.isTTY) {
    return (done, total, name) => io.stderr(`printed ${done}/${total} ${name}\n`);
  }
  return (done, total, name) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    const label = name.length > 40 ? `…${name.slice(-39)}` : name;
    io.stderr(
      `\r\x1b[2K[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${label}`,
    );
    if (done === total) io.stderr('\n');
  };
}
