/** An accepted alternative that the answer already matches. */
import { answerKey } from '../../util/text.js';
import { unhandledType, type Rule } from '../rule.js';

export const redundantAccept: Rule = {
  id: 'redundant-accept',
  severity: 'warning',
  category: 'correctness',
  doc: {
    description:
      'Short answers are compared ignoring case, surrounding space and punctuation, so an "accept" entry that differs from the answer only in those ways adds nothing and hides the alternatives that matter. Remove it.',
    bad: 'type: short\nanswer: New START\naccept: [new start, "New START."]',
    good: 'type: short\nanswer: New START\naccept: [the New START treaty]',
  },
  question(question, report) {
    switch (question.type) {
      case 'short': {
        const key = answerKey(question.answer);
        question.accept.forEach((alt, i) => {
          if (answerKey(alt) === key)
            report({
              path: ['accept', i],
              message: `"${alt}" matches the answer already (case, spacing and punctuation are ignored); remove it`,
            });
        });
        return;
      }
      case 'single':
      case 'multiple':
      case 'true-false':
      case 'numeric':
      case 'cloze':
      case 'matching':
      case 'ordering':
      case 'essay':
        return; // no list of accepted alternatives
      default:
        return unhandledType(question);
    }
  },
};
