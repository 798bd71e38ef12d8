/**
 * What collating a scan starts from (the quiz's copies and the teacher's
 * corrections) and what it gives back: the copies read, the doubts only a
 * person can settle, the pages set aside, and a tally for each scan file.
 */
import type { CopySet } from '../grade/copies.js';
import type { QuizCopy } from '../quiz/copy.js';

export interface ScanSetup {
  quizId: string;
  seed: number;
  copies: CopySet;
  idDigits: number;
  /** Teacher's corrections by key (see corrections.ts). */
  corrections: ReadonlyMap<string, string>;
  /** Every key the corrections file lists, answered or not: an open doubt keeps the entry it has. */
  listed?: ReadonlySet<string>;
  /** Where the corrections come from: the file and each key's answer line, for messages. */
  correctionsAt?: { file: string; lines: ReadonlyMap<string, number> };
}

export interface Doubt {
  key: string;
  file: string;
  page?: number;
  /** What the teacher is asked. */
  problem: string;
  /** The reading handout proposes ("" = unanswered), if any. */
  proposed?: string;
  copy?: QuizCopy;
  item?: number;
  /** File name of the picture of the doubtful area (or of the page), in the pictures folder. */
  picture?: string;
}

/** A page that is not (a readable part of) this quiz: reported, never graded. */
export interface SetAside {
  file: string;
  page: number;
  reason: string;
  /** File name of a small picture of the page, in the pictures folder. */
  picture?: string;
}

export interface ScannedCopy {
  copy: QuizCopy;
  /** The student id for the responses: the roster's, or the ID marked on a version copy ("" if none). */
  id: string;
  /**
   * A version copy with no student ID marked: the one sheet it was read
   * from. Such a sheet is a copy of its own, never merged with another
   * unidentified sheet of the same version (they are different pupils).
   */
  unidentified?: { file: string; page: number };
  /** Item number → answer in §5 notation ("" unanswered). */
  answers: Map<number, string>;
  /** Sheet pages seen, with where each came from. */
  pages: Map<number, { file: string; page: number }>;
  /**
   * The keys the corrections file named this copy by before the teacher
   * wrote its student ID ("copy A no ID scans.pdf#3"): entries written
   * under them still apply, and are not asked again under the new name.
   */
  formerKeys: string[];
}

export interface FileSummary {
  file: string;
  pages: number;
  sheets: number;
  blank: number;
  setAside: number;
  doubts: number;
}

export interface ScanResult {
  copies: ScannedCopy[];
  /** Open doubts (no correction yet). */
  doubts: Doubt[];
  /** Doubts the teacher's corrections settled. */
  corrected: number;
  setAside: SetAside[];
  /** Notes that need no action (identical duplicate scans). */
  notes: string[];
  files: FileSummary[];
}
