/** A question as the rest of handout sees it: defaults applied, shapes normalised. */
import type { SourceLocation } from '../errors.js';
import type { PassageRef } from '../corpus/article.js';
import type { QuestionType } from './schema.js';

export interface QuestionBase {
  id: string;
  type: QuestionType;
  passages: PassageRef[];
  /** Inline Markdown. For cloze, a default instruction when none is written. */
  prompt: string;
  evidence: string[];
  explanation?: string;
  difficulty: 1 | 2 | 3;
  tags: string[];
  points: number;
  /** Lint rules this question silences, each with the teacher's reason. */
  allow: Record<string, string>;
  /** Where the question starts in the bank. */
  source: SourceLocation;
}

export interface SingleQuestion extends QuestionBase {
  type: 'single';
  answer: string;
  distractors: string[];
  fixedOrder: boolean;
}
export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  answers: string[];
  distractors: string[];
  fixedOrder: boolean;
}
export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  answer: boolean;
}
export interface ShortQuestion extends QuestionBase {
  type: 'short';
  answer: string;
  accept: string[];
}
export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  answer: number;
  tolerance: number;
  unit?: string;
}
export interface ClozeQuestion extends QuestionBase {
  type: 'cloze';
  text: string;
}
export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  pairs: { left: string; right: string }[];
  distractors: string[];
}
export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  items: string[];
}
export interface EssayQuestion extends QuestionBase {
  type: 'essay';
  guidance: string[];
  lines: number;
}

export type Question =
  | SingleQuestion
  | MultipleQuestion
  | TrueFalseQuestion
  | ShortQuestion
  | NumericQuestion
  | ClozeQuestion
  | MatchingQuestion
  | OrderingQuestion
  | EssayQuestion;

export const DEFAULT_DIFFICULTY = 2;
export const DEFAULT_POINTS = 1;
export const DEFAULT_ESSAY_LINES = 8;
export const DEFAULT_CLOZE_PROMPT = 'Complete the passage.';

/** Human names of the types, for tables and messages. */
export const TYPE_LABELS: Record<QuestionType, string> = {
  single: 'single choice',
  multiple: 'multiple choice (several answers)',
  'true-false': 'true or false',
  short: 'short answer',
  numeric: 'numeric',
  cloze: 'fill in the blanks',
  matching: 'matching',
  ordering: 'ordering',
  essay: 'essay',
};

/** The part of a question that cites the corpus. */
export type Citing = Pick<QuestionBase, 'id' | 'passages' | 'evidence'>;
