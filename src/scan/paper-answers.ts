/**
 * Items a sheet cannot carry (short answers, essays, matching...) are
 * answered on the question pages: each copy read gets an entry for each of
 * them in the corrections file, where the teacher writes the answer (or,
 * for an essay, the points) in the notation of the responses file. Until
 * then they are open like any doubt: grading them as unanswered would
 * be a guess.
 */
import type { ProblemList } from '../errors.js';
import { readAnswer } from '../grade/answers.js';
import type { CopyItem, QuizCopy } from '../quiz/copy.js';
import type { SheetLayout } from '../sheet/layout-types.js';
import type { DoubtLedger } from './doubt-ledger.js';
import { copyKey, scannedLabel } from './keys.js';
import type { Doubt, ScannedCopy, ScanSetup } from './scan-result.js';

/** Asks for (or takes from the corrections) each copy's answers given on paper. */
export function answersOnPaper(
  copies: ScannedCopy[],
  layoutOf: (copy: QuizCopy) => SheetLayout,
  doubts: DoubtLedger,
  at: ScanSetup['correctionsAt'],
  problems: ProblemList,
): void {
  for (const scanned of copies) {
    const first = [...scanned.pages.values()][0];
    if (!first) continue;
    for (const page of layoutOf(scanned.copy).pages)
      for (const row of page.rows) {
        if (row.kind !== 'paper') continue;
        const item = scanned.copy.items[row.item - 1]!;
        const entry: Doubt = {
          key: `${copyKey(scanned)} item ${row.item}`,
          file: first.file,
          problem: paperProblem(item, scannedLabel(scanned)),
          copy: scanned.copy,
          item: row.item,
        };
        const answer = doubts.ask(
          entry,
          scanned.formerKeys.map((k) => `${k} item ${row.item}`),
        );
        const key = entry.key;
        if (answer === undefined) continue;
        const cell = /^(blank|none)$/i.test(answer) ? '' : answer;
        const read = readAnswer(item, cell);
        if (!read.ok && at)
          problems.error(
            { file: at.file, ...(at.lines.has(key) ? { line: at.lines.get(key)! } : {}) },
            'corrections-answer',
            `question ${row.item} of ${scannedLabel(scanned)}: ${read.message}`,
          );
        scanned.answers.set(row.item, cell);
      }
  }
}

function paperProblem(item: CopyItem, who: string): string {
  const n = `question ${item.number} of ${who}`;
  const how: Record<CopyItem['presentation']['type'], string> = {
    essay: `is marked on the paper: write the points you award (0 to ${item.points})`,
    short: "is answered on the paper: write the student's answer as written",
    cloze: "is answered on the paper: write the student's answers to its blanks, separated by |",
    matching: "is answered on the paper: write the student's pairs, e.g. 1B 2A 3C",
    ordering: "is answered on the paper: write the letters in the student's order, e.g. CABD",
    single: "is answered on the paper (too many options for the sheet): write the student's letter",
    multiple:
      "is answered on the paper (too many options for the sheet): write the student's letters",
    'true-false': "is answered on the paper: write the student's T or F",
    numeric: "is answered on the paper: write the student's number",
  };
  return `${n} ${how[item.presentation.type]}, or blank if it is not answered`;
}
