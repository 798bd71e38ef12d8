/** Fixed-order questions whose answer keeps the same place. */
import type { SingleQuestion } from '../../bank/question.js';
import { writtenOrder } from '../../quiz/present.js';
import { letter } from '../../util/text.js';
import type { Rule } from '../rule.js';

/** Below this many fixed-order questions the positions say little. */
const MIN_QUESTIONS = 4;
/** More than this share of answers in one place is a pattern students find. */
const MAX_SHARE = 0.5;

export const keyPosition: Rule = {
  id: 'key-position',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      'Shuffled questions get their answer letters balanced across each copy, but a question with "fixed_order: true" prints its options as written, so where its answer sits is up to the writer, and writers put it first (or last) more often than chance. The rule reports a bank of at least 4 fixed-order single-choice questions in which more than half have the answer in the same place. handout prints a fixed-order question’s answer first unless it is an "all/none of the above" option, so keep fixed_order only where the options must stay in order.',
    bad: '# 5 fixed-order questions, the answer is option A in all 5',
    good: '# fixed_order only on the question whose last option is "none of the above"',
  },
  bank(questions, report) {
    const fixed = questions.filter((q): q is SingleQuestion => q.type === 'single' && q.fixedOrder);
    if (fixed.length < MIN_QUESTIONS) return;
    const counts = new Map<number, string[]>();
    for (const q of fixed) {
      const index = writtenOrder(q).indexOf(q.answer);
      counts.set(index, [...(counts.get(index) ?? []), q.id]);
    }
    const [index, ids] = [...counts].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0]!;
    if (ids.length / fixed.length <= MAX_SHARE) return;
    report({
      message: `in ${ids.length} of ${fixed.length} fixed-order single-choice questions the answer is option ${letter(index)} (${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}); students who notice pick ${letter(index)}. Let handout shuffle them (remove fixed_order) where the order does not matter`,
    });
  },
};
