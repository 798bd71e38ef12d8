/** "All of the above" and friends only make sense if the options keep their order. */
import { POSITIONAL } from '../../bank/positional.js';
import { unhandledType, type Rule } from '../rule.js';

export const positionalOption: Rule = {
  id: 'positional-option',
  severity: 'error',
  category: 'correctness',
  doc: {
    description:
      'Options are shuffled on every copy, so "all of the above" or "none of these" may be printed above the options it refers to, and "above" then means something else on each copy. Keep the written order with "fixed_order: true" (the positional option is then printed last), or reword the option so it stands on its own.',
    bad: 'answer: All of the above\ndistractors: [Guarantees, Contracts, Membership]',
    good: 'answer: All of the above\ndistractors: [Guarantees, Contracts, Membership]\nfixed_order: true',
  },
  question(question, report) {
    switch (question.type) {
      case 'single':
      case 'multiple': {
        if (question.fixedOrder) return;
        const answers = question.type === 'single' ? [question.answer] : question.answers;
        const positional = [...answers, ...question.distractors].find((o) => POSITIONAL.test(o));
        if (positional !== undefined)
          report({
            path: ['distractors'],
            message: `the option "${positional}" refers to the other options' positions, but options are shuffled; add "fixed_order: true" or reword the option`,
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
        return; // no shuffled list of options to point into
      default:
        return unhandledType(question);
    }
  },
};
