/**
 * One printed copy of a quiz: which questions, in which order, with which
 * option letters. The answer key is part of the same object, so a copy and
 * its key can never disagree.
 */
import type { Question } from '../bank/question.js';
import type { ClozePart } from '../bank/cloze.js';
import type { Paper } from './blueprint.js';

export interface Student {
  id: string;
  name: string;
  /** Other roster columns (class, email, ...), in roster order. */
  extra: [string, string][];
  /** Row in the roster file (1 = header). */
  row: number;
}

export interface Option {
  letter: string;
  text: string;
  correct: boolean;
}

export type Presentation =
  | { type: 'single'; options: Option[]; correct: string }
  | { type: 'multiple'; options: Option[]; correct: string[] }
  | { type: 'true-false'; correct: boolean }
  | { type: 'short'; answer: string; accept: string[]; width: number }
  | { type: 'numeric'; answer: number; tolerance: number; unit?: string }
  | { type: 'cloze'; parts: ClozePart[]; answers: string[][] }
  | { type: 'matching'; left: { number: number; text: string; correct: string }[]; right: Option[] }
  | { type: 'ordering'; options: Option[]; correct: string }
  | { type: 'essay'; lines: number; guidance: string[] };

export interface CopyItem {
  /** Position on the copy, 1-based, continuous across sections. */
  number: number;
  question: Question;
  points: number;
  presentation: Presentation;
}

export interface CopySection {
  title: string;
  instructions?: string;
  items: CopyItem[];
}

export interface QuizCopy {
  quizId: string;
  title: string;
  instructions?: string;
  paper: Paper;
  /** The quiz seed the copy was drawn from (printed on every page). */
  seed: number;
  /** "A", "B"... for versions; the student id for roster copies. */
  label: string;
  /**
   * What the teacher writes in the responses' `version` column: the version
   * letter, or for a student's personal copy a short code printed on it.
   */
  version: string;
  student?: Student;
  sections: CopySection[];
  items: CopyItem[];
  totalPoints: number;
}
