/** Every cited passage exists: the article is in corpus/ and has that paragraph. */
import { refProblem } from '../../corpus/quote.js';
import { didYouMean } from '../../util/text.js';
import type { Rule } from '../rule.js';
import { passagePath } from './paths.js';

export const passageExists: Rule = {
  id: 'passage-exists',
  severity: 'error',
  category: 'correctness',
  doc: {
    description:
      'A question is keyed to the paragraphs it cites: keys, handouts and exports print them, and its evidence is checked against them. A citation of an article that is not in corpus/, or of a paragraph number the article does not have, leaves the question without its source. Use the id from the article’s front matter and a paragraph number from 1 to the article’s last.',
    bad: 'passages: lavrov-studying-proposals-2013#p40   # the article has 14 paragraphs',
    good: 'passages: lavrov-studying-proposals-2013#p4',
  },
  citing(citing, report, { corpus }) {
    citing.passages.forEach((ref, i) => {
      const problem = refProblem(ref, corpus, didYouMean);
      if (problem)
        report({
          path: passagePath(citing, i),
          code: problem.code,
          message: `it ${problem.message}`,
        });
    });
  },
};
