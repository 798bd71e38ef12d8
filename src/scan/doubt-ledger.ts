/**
 * The doubts of a scan as it is collated: each is looked up in the
 * teacher's corrections and either settled (counted) or kept open for
 * them to answer; a later page may take an open one back. Each scan
 * file's tally (pages, sheets, doubts...) is kept here, since the doubts
 * are counted by file.
 */
import type { ProblemList } from '../errors.js';
import { pageKey } from './keys.js';
import type { Doubt, FileSummary, ScanSetup } from './scan-result.js';

export class DoubtLedger {
  /** Doubts no correction answers yet, in the order they were met. */
  readonly open: Doubt[] = [];
  /** Doubts (and ignored pages, typed codes and IDs) the teacher's corrections settled. */
  corrected = 0;
  private readonly files = new Map<string, FileSummary>();

  constructor(
    private readonly setup: Pick<ScanSetup, 'corrections' | 'listed' | 'correctionsAt'>,
    /** Where answers that contradict each other are reported. */
    private readonly problems: ProblemList,
  ) {}

  /**
   * The teacher's answer to a doubt, under its key or one the copy had
   * before its ID was written (`formerKeys`), or undefined while it is
   * open. `d.key` becomes the key of the entry that answers it, or that
   * the file already has for it.
   */
  ask(d: Doubt, formerKeys: readonly string[] = []): string | undefined {
    const { corrections, correctionsAt, listed } = this.setup;
    const keys = [d.key, ...formerKeys];
    const answered = keys.filter((k) => corrections.has(k));
    if (answered.length > 0) {
      const answers = new Set(answered.map((k) => corrections.get(k)));
      if (answers.size > 1 && correctionsAt) {
        const { file, lines } = correctionsAt;
        this.problems.error(
          { file, ...(lines.has(answered[0]!) ? { line: lines.get(answered[0]!)! } : {}) },
          'corrections-conflict',
          `the entries ${answered.map((k) => `"${k}" (line ${lines.get(k) ?? '?'})`).join(' and ')} answer the same question of the same sheet differently; delete the one that is wrong`,
        );
      }
      d.key = answered[0]!;
      this.corrected++;
      return corrections.get(d.key);
    }
    d.key = keys.find((k) => listed?.has(k)) ?? d.key;
    this.open.push(d);
    this.summary(d.file).doubts++;
    return undefined;
  }

  /** Takes back the open doubts a later page settled or made moot (keys matching `which`). */
  withdraw(which: (key: string) => boolean): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      if (!which(this.open[i]!.key)) continue;
      this.summary(this.open[i]!.file).doubts--;
      this.open.splice(i, 1);
    }
  }

  /** A second scan's own doubts are not asked: its questions are those of the first scan. */
  withdrawPage(file: string, page: number): void {
    const prefix = `${pageKey(file, page)} `;
    this.withdraw((k) => k.startsWith(prefix));
  }

  /** The tally of a scan file, begun when it is first named. */
  summary(file: string): FileSummary {
    let s = this.files.get(file);
    if (!s)
      this.files.set(file, (s = { file, pages: 0, sheets: 0, blank: 0, setAside: 0, doubts: 0 }));
    return s;
  }

  /** Every file's tally, in the order the files were first named. */
  summaries(): FileSummary[] {
    return [...this.files.values()];
  }
}
