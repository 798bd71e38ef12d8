/**
 * Flat records for CSV and JSON: one per bank question (answers in readable
 * form) and one per copy and item of a built quiz (the key in the notation
 * of formats.md §5, which handout grade reads).
 */
import type { Question } from '../bank/question.js';
import { clozeBlanks, parseCloze } from '../bank/cloze.js';
import type { Corpus } from '../corpus/article.js';
import { citationLines } from '../corpus/citation.js';
import { keyNotation } from '../quiz/key.js';
import { oneLine, plainNumber, toText } from './text.js';
import type { ExportInput, QuizScope } from './types.js';

/** Separator inside one cell; " | " reads well and rarely occurs in bank text. */
export const LIST_SEPARATOR = ' | ';

export interface QuestionRow {
  id: string;
  type: string;
  group: string;
  prompt: string;
  answer: string;
  other_options: string;
  passages: string;
  citation: string;
  evidence: string;
  explanation: string;
  difficulty: number;
  tags: string;
  points: number;
}

const list = (items: string[]) => items.map((i) => oneLine(i)).join(LIST_SEPARATOR);

/** The correct answer(s) as a teacher would read them in a spreadsheet. */
export function readableAnswer(question: Question): string {
  switch (question.type) {
    case 'single':
      return toText(question.answer);
    case 'multiple':
      return list(question.answers.map(toText));
    case 'true-false':
      return question.answer ? 'true' : 'false';
    case 'short':
      return list([question.answer, ...question.accept].map(toText));
    case 'numeric': {
      const tolerance = question.tolerance > 0 ? ` ± ${plainNumber(question.tolerance)}` : '';
      return `${plainNumber(question.answer)}${tolerance}${question.unit === undefined ? '' : ` ${toText(question.unit)}`}`;
    }
    case 'cloze':
      return list(
        clozeBlanks(question.text).map(
          (answers, i) => `${i + 1}: ${answers.map(toText).join(' / ')}`,
        ),
      );
    case 'matching':
      return list(question.pairs.map((p) => `${toText(p.left)} → ${toText(p.right)}`));
    case 'ordering':
      return list(question.items.map((item, i) => `${i + 1}. ${toText(item)}`));
    case 'essay':
      return list(question.guidance.map(toText));
  }
}

function otherOptions(question: Question): string {
  return question.type === 'single' || question.type === 'multiple' || question.type === 'matching'
    ? list(question.distractors.map(toText))
    : '';
}

/** Marks a blank while the Markdown around it is rendered. */
const BLANK_MARK = '\uE003';

function readablePrompt(question: Question): string {
  // The cloze text itself, with its blanks shown as the student sees them.
  if (question.type !== 'cloze') return toText(question.prompt);
  const marked = parseCloze(question.text)
    .map((p) => (p.kind === 'text' ? p.text : BLANK_MARK))
    .join('');
  return `${toText(question.prompt)} ${toText(marked).replaceAll(BLANK_MARK, '_____')}`;
}

export function questionRows(input: ExportInput): QuestionRow[] {
  return input.groups.flatMap((group) =>
    group.questions.map((q) => ({
      id: q.id,
      type: q.type,
      group: group.title,
      prompt: readablePrompt(q),
      answer: readableAnswer(q),
      other_options: otherOptions(q),
      passages: q.passages.map((p) => p.ref).join(LIST_SEPARATOR),
      citation: citationLines(q.passages, input.corpus).join(LIST_SEPARATOR),
      evidence: list(q.evidence),
      explanation: q.explanation === undefined ? '' : toText(q.explanation),
      difficulty: q.difficulty,
      tags: q.tags.join(LIST_SEPARATOR),
      points: q.points,
    })),
  );
}

export interface KeyRow {
  quiz: string;
  seed: number;
  copy: string;
  version: string;
  student_id: string;
  student_name: string;
  item: number;
  question_id: string;
  type: string;
  points: number;
  /** formats.md §5; a number for numeric items, empty for essays (marked by hand). */
  key: string | number;
  citation: string;
}

export function keyRows(scope: QuizScope, corpus: Corpus): KeyRow[] {
  return scope.copies.flatMap((copy) =>
    copy.items.map((item) => ({
      quiz: copy.quizId,
      seed: copy.seed,
      copy: copy.label,
      version: copy.version,
      student_id: copy.student?.id ?? '',
      student_name: copy.student?.name ?? '',
      item: item.number,
      question_id: item.question.id,
      type: item.question.type,
      points: item.points,
      key:
        item.presentation.type === 'numeric'
          ? item.presentation.answer
          : keyNotation(item.presentation),
      citation: citationLines(item.question.passages, corpus).join(LIST_SEPARATOR),
    })),
  );
}
