/** "All of the above" and "none of the above" as options. */
import { unhandledType, type Rule } from '../rule.js';

/** "... of the above" anywhere; "none of these" only as the whole option ("none of them built yet" is specific). */
const ALL_OR_NONE =
  /\b(all|none) of the above\b|^\s*(all|none) of (these|those|them|the options|the answers)\s*[.!]?\s*$/i;

export const allNoneOfTheAbove: Rule = {
  id: 'all-none-of-the-above',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      '"All of the above" can be chosen by a student who recognises any two right options without knowing the third, and "none of the above" as the answer shows only that the student rejected the options, not that they know what is right. Write a specific option instead; if you keep one, say why in "allow".',
    bad: 'answer: All of the above\ndistractors: [Guarantees, Contracts, Membership]\nfixed_order: true',
    good: 'answer: Legally binding guarantees\ndistractors: [A share of the contracts, Full NATO membership, A joint command]',
  },
  question(question, report) {
    switch (question.type) {
      case 'single':
      case 'multiple': {
        const answers = question.type === 'single' ? [question.answer] : question.answers;
        const answerPath = (i: number) =>
          question.type === 'single' ? ['answer'] : ['answers', i];
        const check = (option: string, path: (string | number)[]) => {
          const match = ALL_OR_NONE.exec(option);
          if (match)
            report({
              path,
              message: `the option "${option}" uses "${match[0].trim()}", which rewards partial knowledge or tests only what students reject; replace it with a specific option`,
            });
        };
        answers.forEach((a, i) => check(a, answerPath(i)));
        question.distractors.forEach((d, i) => check(d, ['distractors', i]));
        return;
      }
      case 'true-false':
      case 'short':
      case 'numeric':
      case 'cloze':
      case 'matching':
      case 'ordering':
      case 'essay':
        return; // no list of options
      default:
        return unhandledType(question);
    }
  },
};
