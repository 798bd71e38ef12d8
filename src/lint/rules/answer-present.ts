/** Every question that is marked automatically has an answer a response can match. */
import { parseCloze } from '../../bank/cloze.js';
import { answerKey } from '../../util/text.js';
import { unhandledType, type Rule } from '../rule.js';

export const answerPresent: Rule = {
  id: 'answer-present',
  severity: 'error',
  category: 'correctness',
  doc: {
    description:
      'Short answers are compared ignoring case, spacing and punctuation, so an answer made only of punctuation can never be matched; a cloze text needs at least one blank, written [[answer]], and no blank may be empty. Without them the question cannot be marked.',
    bad: 'type: cloze\ntext: Moscow still wants guarantees.',
    good: 'type: cloze\ntext: Moscow still wants [[guarantees|assurances]].',
  },
  question(question, report) {
    switch (question.type) {
      case 'short':
        if (answerKey(question.answer) === '')
          report({
            path: ['answer'],
            code: 'empty-answer',
            message:
              'the answer has no letters or digits once punctuation is ignored, so no response could match it; write the expected words',
          });
        return;
      case 'cloze': {
        const blanks = parseCloze(question.text).filter((p) => p.kind === 'blank');
        if (blanks.length === 0)
          report({
            path: ['text'],
            code: 'cloze-without-blanks',
            message:
              'the text has no blanks; mark each one with double brackets, like [[New START]] or [[ICBM|ICBMs]]',
          });
        for (const blank of blanks)
          if (blank.kind === 'blank' && blank.answers.length === 0)
            report({
              path: ['text'],
              code: 'empty-blank',
              message: `blank ${blank.index + 1} is empty ("[[]]"); put the missing word between the brackets`,
            });
        return;
      }
      case 'single':
      case 'multiple':
      case 'true-false':
      case 'numeric':
      case 'matching':
      case 'ordering':
      case 'essay':
        return; // their schemas require the answer (or there is none to mark)
      default:
        return unhandledType(question);
    }
  },
};
