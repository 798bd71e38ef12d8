/**
 * Reloading the project while the preview runs: one reload at a time, the
 * changes that arrive meanwhile batched into the next one (an editor's save
 * is often several file events), and the lines the terminal shows for each.
 */
import { plural } from '../util/text.js';
import type { LoadReport } from './site.js';

export class ReloadQueue {
  readonly #reload: (changed: string[]) => Promise<void>;
  readonly #log: (line: string) => void;
  #queued: string[] = [];
  #running: Promise<void> | undefined;

  /** `reload` is given the changed files, sorted, each once; what it throws is logged as a bug. */
  constructor(reload: (changed: string[]) => Promise<void>, log: (line: string) => void) {
    this.#reload = reload;
    this.#log = log;
  }

  add(changed: readonly string[]): void {
    this.#queued.push(...changed);
    this.#running ??= this.#drain();
  }

  /** Resolves once the reloads under way or queued are done. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    while (this.#queued.length > 0) {
      const batch = [...new Set(this.#queued)].sort();
      this.#queued = [];
      await this.#reload(batch).catch((error: unknown) => this.#log(bugLine(error)));
    }
    this.#running = undefined;
  }
}

export function reportLoad(report: LoadReport, log: (line: string) => void): void {
  log(
    report.ok
      ? `loaded the project in ${Math.round(report.ms)} ms${report.warnings ? ` (${plural(report.warnings, 'warning')}; see the index page)` : ''}`
      : `the project has ${plural(report.errors, 'error')}: the pages show them until you fix them`,
  );
  if (report.bug) log(report.bug);
}

/** "questions/bank.yaml changed · reloaded in 180 ms · 2 open pages rendered in 21 ms" */
export function reloadLine(
  changed: string[],
  report: LoadReport,
  openPages: number,
  renderMs: number,
): string {
  const what =
    changed.length <= 3
      ? changed.join(', ')
      : `${changed.slice(0, 2).join(', ')} and ${changed.length - 2} more`;
  const outcome = report.ok
    ? `reloaded in ${Math.round(report.ms)} ms · ${plural(openPages, 'open page')} rendered in ${Math.round(renderMs)} ms`
    : `${plural(report.errors, 'error')}: ${openPages ? `${plural(openPages, 'open page')} show${openPages === 1 ? 's' : ''} them` : 'the pages show them'} (handout lint lists the same)`;
  return `${what} changed · ${outcome}`;
}

export function bugLine(error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `internal error in handout (a bug, not your files; the server keeps running):\n${detail}`;
}
