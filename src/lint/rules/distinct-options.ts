/** Options, pair sides and ordering items are all different from each other. */
import { answerKey } from '../../util/text.js';
import { unhandledType, type Finding, type Rule } from '../rule.js';

export const distinctOptions: Rule = {
  id: 'distinct-options',
  severity: 'error',
  category: 'correctness',
  doc: {
    description:
      'Two options that read the same (ignoring case, spacing and punctuation) print twice on the copy; a distractor that repeats a correct answer makes one choice both right and wrong, and a repeated right side of a matching question cannot be told apart. Remove the repeat or change it.',
    bad: 'answer: Guarantees about the system’s use\ndistractors: [Full NATO membership, "guarantees about the system’s use"]',
    good: 'answer: Guarantees about the system’s use\ndistractors: [Full NATO membership, A share of the contracts]',
  },
  question(question, report) {
    switch (question.type) {
      case 'single':
      case 'multiple': {
        const answers = question.type === 'single' ? [question.answer] : question.answers;
        const field = question.type === 'single' ? 'answer' : 'answers';
        const answerKeys = new Set<string>();
        answers.forEach((answer, i) => {
          const key = answerKey(answer);
          if (answerKeys.has(key))
            report({
              path: question.type === 'single' ? ['answer'] : ['answers', i],
              code: 'duplicate-option',
              message: `the ${field} list has "${answer}" twice; remove the repeat`,
            });
          answerKeys.add(key);
        });
        const seen = new Set<string>();
        question.distractors.forEach((distractor, i) => {
          const key = answerKey(distractor);
          if (answerKeys.has(key))
            report({
              path: ['distractors', i],
              code: 'answer-is-distractor',
              message: `the distractor "${distractor}" is the same as a correct answer; a student choosing it would be both right and wrong, so change or remove it`,
            });
          else if (seen.has(key))
            report({
              path: ['distractors', i],
              code: 'duplicate-option',
              message: `the distractor "${distractor}" is listed twice; remove the repeat`,
            });
          seen.add(key);
        });
        return;
      }
      case 'matching': {
        repeats(question.pairs.map((p) => p.left)).forEach((i) =>
          report({
            path: ['pairs', i, 'left'],
            code: 'duplicate-left',
            message: `the left side "${question.pairs[i]!.left}" appears twice; every left side must be different`,
          }),
        );
        repeats(question.pairs.map((p) => p.right)).forEach((i) =>
          report({
            path: ['pairs', i, 'right'],
            code: 'duplicate-right',
            message: `the right side "${question.pairs[i]!.right}" appears twice, so a student could not tell which pair it belongs to; make every right side different`,
          }),
        );
        const rights = new Set(question.pairs.map((p) => answerKey(p.right)));
        question.distractors.forEach((d, i) => {
          if (rights.has(answerKey(d)))
            report({
              path: ['distractors', i],
              code: 'answer-is-distractor',
              message: `the extra option "${d}" is also a right side of a pair; remove it or change it`,
            });
        });
        return;
      }
      case 'ordering':
        repeats(question.items).forEach((i) =>
          report({
            path: ['items', i],
            code: 'duplicate-item',
            message: `the item "${question.items[i]!}" appears twice; every item must be different`,
          } satisfies Finding),
        );
        return;
      case 'true-false':
      case 'short':
      case 'numeric':
      case 'cloze':
      case 'essay':
        return; // no options to repeat
      default:
        return unhandledType(question);
    }
  },
};

/** Indexes of entries that repeat an earlier one (compared as answers are). */
function repeats(values: string[]): number[] {
  const seen = new Set<string>();
  const found: number[] = [];
  values.forEach((value, i) => {
    const key = answerKey(value);
    if (seen.has(key)) found.push(i);
    seen.add(key);
  });
  return found;
}
