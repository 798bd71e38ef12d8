/** A choice question offers enough different options to be a choice. */
import { answerKey } from '../../util/text.js';
import { unhandledType, type Rule } from '../rule.js';

export const enoughOptions: Rule = {
  id: 'enough-options',
  severity: 'error',
  category: 'correctness',
  doc: {
    description:
      'A single-choice question needs its answer and at least two different distractors; a multiple-choice question needs at least one distractor that is not also an answer. With fewer, guessing is too easy for the mark to mean anything. Options that differ only in case, spacing or punctuation count once.',
    bad: 'type: single\nanswer: Guarantees about the system’s use\ndistractors: [Full NATO membership, full nato membership]',
    good: 'type: single\nanswer: Guarantees about the system’s use\ndistractors: [Full NATO membership, A share of the contracts]',
  },
  question(question, report) {
    switch (question.type) {
      case 'single':
      case 'multiple': {
        const answers = new Set(
          (question.type === 'single' ? [question.answer] : question.answers).map(answerKey),
        );
        const distractors = new Set(question.distractors.map(answerKey));
        const distinct = new Set([...answers, ...distractors]).size;
        const wrong = [...distractors].filter((k) => !answers.has(k)).length;
        const single = question.type === 'single';
        if (distinct < (single ? 3 : 2) || wrong < (single ? 2 : 1))
          report({
            path: ['distractors'],
            code: 'too-few-options',
            message: `a ${single ? 'single-choice question needs the answer and at least 2 different distractors' : 'multiple-choice question needs at least 1 distractor that differs from the answers'}; it has ${distinct} different options`,
          });
        return;
      }
      case 'true-false':
      case 'short':
      case 'numeric':
      case 'cloze':
      case 'matching':
      case 'ordering':
      case 'essay':
        return; // their schemas set the minimum number of pairs or items
      default:
        return unhandledType(question);
    }
  },
};
