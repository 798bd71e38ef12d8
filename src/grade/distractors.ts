/**
 * How often each option of a choice item was chosen. Versions print the
 * same options under different letters, so counts are kept by option
 * text, in the order the bank writes them (answers first), never by letter.
 */
import type { Question } from '../bank/question.js';
import type { ScoredItem } from './score.js';

export interface OptionCount {
  text: string;
  correct: boolean;
  count: number;
}

export interface OptionCounts {
  options: OptionCount[];
  /** Students who left the item unanswered. */
  blank: number;
}

/** The options of a choice question in written order; undefined for other types. */
function writtenOptions(question: Question): { text: string; correct: boolean }[] | undefined {
  switch (question.type) {
    case 'single':
      return [
        { text: question.answer, correct: true },
        ...question.distractors.map((text) => ({ text, correct: false })),
      ];
    case 'multiple':
      return [
        ...question.answers.map((text) => ({ text, correct: true })),
        ...question.distractors.map((text) => ({ text, correct: false })),
      ];
    case 'true-false':
      return [
        { text: 'True', correct: question.answer },
        { text: 'False', correct: !question.answer },
      ];
    default:
      return undefined;
  }
}

/** Counts for one question over every student who had it (whatever their version). */
export function countOptions(
  question: Question,
  scored: readonly ScoredItem[],
): OptionCounts | undefined {
  const written = writtenOptions(question);
  if (!written) return undefined;
  const counts = new Map(written.map((o) => [o.text, 0]));
  let blank = 0;
  const bump = (text: string | undefined): void => {
    if (text !== undefined) counts.set(text, (counts.get(text) ?? 0) + 1);
  };
  for (const { item, answer } of scored) {
    const p = item.presentation;
    if (answer === null) blank++;
    else if (answer.type === 'single' && p.type === 'single')
      bump(p.options.find((o) => o.letter === answer.letter)?.text);
    else if (answer.type === 'multiple' && p.type === 'multiple')
      answer.letters.forEach((l) => bump(p.options.find((o) => o.letter === l)?.text));
    else if (answer.type === 'true-false') bump(answer.value ? 'True' : 'False');
  }
  return { options: written.map((o) => ({ ...o, count: counts.get(o.text) ?? 0 })), blank };
}

/** Wrong options chosen more often than the least chosen right one: the key or the teaching may be off. */
export function popularDistractors(counts: OptionCounts): OptionCount[] {
  const keyCounts = counts.options.filter((o) => o.correct).map((o) => o.count);
  if (keyCounts.length === 0) return [];
  const weakestKey = Math.min(...keyCounts);
  return counts.options.filter((o) => !o.correct && o.count > weakestKey);
}
