/**
 * How a scan names what it asks the teacher about: the keys of the
 * corrections file (a scanned page, one of its readings, a copy) and the
 * words that name a copy in questions and notes.
 */
import type { QuizCopy } from '../quiz/copy.js';
import type { ScannedCopy } from './scan-result.js';

export const pageKey = (file: string, page: number) => `${file}#${page}`;

/** The question whether a sheet with no name and no ID is a second scan of an earlier one. */
export const sameSheetKey = (
  sheet: { file: string; page: number },
  first: { file: string; page: number },
) => `${pageKey(sheet.file, sheet.page)} same sheet as ${pageKey(first.file, first.page)}`;

export const targetKey = (file: string, page: number, target: number | 'id') =>
  `${pageKey(file, page)} ${target === 'id' ? 'id' : `item ${target}`}`;

/**
 * How the corrections file names a copy (not a page): its code, and the ID
 * marked on a version copy, or for a version copy with no ID, the page it
 * was read from (once the teacher writes its ID, it is named by the ID).
 */
export const copyKey = (scanned: ScannedCopy) =>
  `copy ${scanned.copy.version}${
    scanned.copy.student
      ? ''
      : scanned.unidentified
        ? ` no ID ${pageKey(scanned.unidentified.file, scanned.unidentified.page)}`
        : ` id ${scanned.id}`
  }`;

/** "version A with no student ID (scans.pdf page 3)", or copyLabel's words. */
export function scannedLabel(scanned: ScannedCopy): string {
  const at = scanned.unidentified;
  return at
    ? `version ${scanned.copy.version} with no student ID (${at.file} page ${at.page})`
    : copyLabel(scanned.copy, scanned.id);
}

export function copyLabel(copy: QuizCopy, id: string): string {
  return copy.student
    ? `${copy.student.name}'s copy (${copy.version})`
    : `version ${copy.version}${id ? ` with student ID ${id}` : ''}`;
}
