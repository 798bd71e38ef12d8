/** A question cites the same passage once. */
import type { Rule } from '../rule.js';
import { passagePath } from './paths.js';

export const duplicatePassage: Rule = {
  id: 'duplicate-passage',
  severity: 'warning',
  category: 'correctness',
  doc: {
    description:
      'Citing the same paragraph twice prints it twice in the answer key and the handouts and counts it twice in coverage statistics. It is almost always a copy-and-paste slip for a different paragraph: check which one was meant.',
    bad: 'passages: [lavrov-studying-proposals-2013#p2, lavrov-studying-proposals-2013#p2]',
    good: 'passages: [lavrov-studying-proposals-2013#p2, lavrov-studying-proposals-2013#p3]',
  },
  citing(citing, report) {
    const seen = new Set<string>();
    citing.passages.forEach((ref, i) => {
      if (seen.has(ref.ref))
        report({
          path: passagePath(citing, i),
          message: `it cites ${ref.ref} twice; remove the repeat`,
        });
      seen.add(ref.ref);
    });
  },
};
