/** A negative stem (NOT, EXCEPT, LEAST) that a hurried reader can miss. */
import { unhandledType, type Rule } from '../rule.js';
import { emphasisedSpans, quotedSpans, within } from '../wording.js';

const NEGATIVE = /\b(not|except|least)\b/gi;

export const negativeStem: Rule = {
  id: 'negative-stem',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      'A question that asks which option is NOT true, or which is true EXCEPT one, reverses the task; students who read quickly miss the word and answer the opposite question, so the item measures reading speed. Ask the question positively, or make the negative word impossible to miss: write it in capitals (NOT) or emphasised (*not*). A negative inside quotation marks is the article’s own and is not reported.',
    bad: 'prompt: Which of these did Lavrov not mention?',
    good: 'prompt: Which of these did Lavrov *not* mention?',
  },
  question(question, report) {
    switch (question.type) {
      case 'single':
      case 'multiple': {
        const emphasised = emphasisedSpans(question.prompt);
        // A negative inside quotation marks is the article's, not the question's.
        const quoted = quotedSpans(question.prompt);
        for (const match of question.prompt.matchAll(NEGATIVE)) {
          const word = match[0];
          if (word === word.toUpperCase() || within(emphasised, match.index)) continue;
          if (within(quoted, match.index)) continue;
          report({
            path: ['prompt'],
            message: `the question asks with "${word}", which a student reading quickly can miss; ask it positively, or write ${word.toUpperCase()} in capitals or *${word}* to emphasise it`,
          });
          return;
        }
        return;
      }
      case 'true-false':
      case 'short':
      case 'numeric':
      case 'cloze':
      case 'matching':
      case 'ordering':
      case 'essay':
        return; // the reversed task is a choice among options
      default:
        return unhandledType(question);
    }
  },
};
