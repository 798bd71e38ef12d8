/**
 * From sheet pages to copies: pages are grouped by the copy their code
 * names (and, on version copies, by the student ID marked on them); a
 * second scan of a sheet is counted once or asked about, and a copy's
 * missing sheets are asked for.
 */
import type { QuizCopy } from '../quiz/copy.js';
import type { SheetCode } from '../sheet/code.js';
import type { SheetLayout } from '../sheet/layout-types.js';
import type { Reading } from './decide.js';
import type { DoubtLedger } from './doubt-ledger.js';
import { copyKey, pageKey, scannedLabel } from './keys.js';
import { sameMarks, type Marks } from './rescans.js';
import type { ScannedCopy } from './scan-result.js';

/** A sheet page as read, with the teacher's corrections of its readings applied. */
export interface PageRead {
  file: string;
  page: number;
  copy: QuizCopy;
  code: SheetCode;
  readings: Reading[];
  /** The student ID as read (before the teacher's correction), when the teacher wrote one. */
  idAsRead?: string;
  /** The marks as read, before the teacher's corrections: how a second scan is told. */
  asRead: Marks;
}

/** Groups the pages into copies; reports missing and duplicate sheets. */
export function assemble(
  reads: PageRead[],
  layoutOf: (copy: QuizCopy) => SheetLayout,
  doubts: DoubtLedger,
  notes: string[],
): ScannedCopy[] {
  const byKey = new Map<string, ScannedCopy>();
  const asRead = new Map(reads.map((r) => [pageKey(r.file, r.page), r.asRead]));
  for (const read of reads) {
    const id = read.copy.student?.id ?? read.readings.find((r) => r.target === 'id')?.value ?? '';
    // Without an ID, nothing says which pupil a sheet belongs to: it stays a copy of its own.
    const unidentified = !read.copy.student && !id;
    const key = unidentified
      ? `${read.copy.version}\u0000\u0000${pageKey(read.file, read.page)}`
      : `${read.copy.version}\u0000${id}`;
    let scanned = byKey.get(key);
    if (!scanned)
      byKey.set(
        key,
        (scanned = {
          copy: read.copy,
          id,
          answers: new Map(),
          pages: new Map(),
          formerKeys: [],
          ...(unidentified ? { unidentified: { file: read.file, page: read.page } } : {}),
        }),
      );
    // Before the teacher wrote its ID, the copy had another name in the corrections file.
    if (read.idAsRead !== undefined && read.idAsRead !== id) {
      const former = `copy ${read.copy.version}${
        read.idAsRead ? ` id ${read.idAsRead}` : ` no ID ${pageKey(read.file, read.page)}`
      }`;
      if (!scanned.formerKeys.includes(former)) scanned.formerKeys.push(former);
    }
    const earlier = scanned.pages.get(read.code.page);
    const values = read.readings.filter((r) => r.target !== 'id');
    if (earlier) {
      const same = values.every((r) => scanned.answers.get(r.target as number) === r.value);
      // Read differently only where one scan is unsure: a mark on the edge, on one paper.
      const alike = sameMarks(asRead.get(pageKey(earlier.file, earlier.page))!, read.asRead);
      const what = `sheet ${read.code.page} of ${scannedLabel(scanned)}`;
      if (same || alike) {
        notes.push(
          `${read.file} page ${read.page} is a second scan of ${what} (${earlier.file} page ${earlier.page}) with the same marks${same ? '' : ' but for those one scan is unsure of'}; it was counted once${same ? '' : ', as the first scan reads it'}`,
        );
        doubts.withdrawPage(read.file, read.page);
        continue;
      }
      const answer = doubts.ask({
        key: pageKey(read.file, read.page),
        file: read.file,
        page: read.page,
        problem: `a second scan of ${what} (first: ${earlier.file} page ${earlier.page}) with different marks; write "ignore" for the one to leave out`,
        copy: read.copy,
      });
      if (answer === 'ignore') continue;
      if (answer === undefined) continue;
    }
    scanned.pages.set(read.code.page, { file: read.file, page: read.page });
    for (const r of values) scanned.answers.set(r.target as number, r.value);
  }
  for (const scanned of byKey.values()) {
    const total = layoutOf(scanned.copy).pages.length;
    for (let page = 1; page <= total; page++) {
      if (scanned.pages.has(page)) continue;
      const first = [...scanned.pages.values()][0]!;
      doubts.ask(
        {
          key: `${copyKey(scanned)} sheet ${page}`,
          file: first.file,
          problem: `sheet ${page} of ${total} of ${scannedLabel(scanned)} is missing (its sheet 1 is ${first.file} page ${first.page}); scan it, or write "blank" to grade its questions as unanswered`,
          copy: scanned.copy,
        },
        scanned.formerKeys.map((k) => `${k} sheet ${page}`),
      );
    }
  }
  return [...byKey.values()];
}
