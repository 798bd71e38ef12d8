/** Fixed-order questions whose answer keeps the same place. */
import { POSITIONAL } from '../../bank/positional.js';
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
      'Shuffled questions get their answer letters balanced across each copy, but a question with "fixed_order: true" prints its options as written, so where its answer sits is up to the writer, and writers put it first (or last) more often than chance. The rule reports a bank of at least 4 fixed-order single-choice questions in which more than half have the answer in the same place, at each question to change. handout prints a fixed-order question’s answer first unless it is an "all/none of the above" option, so the writer cannot move it to another letter: remove fixed_order where no option refers to the others (handout then places the answer at a balanced letter), and where the answer itself is "none of the above", write the right answer out in some of them.',
    bad: '# 5 fixed-order questions, the answer is option A in all 5',
    good: '# fixed_order only on the question whose last option is "none of the above"',
  },
  bank(questions, report) {
    const fixed = questions.filter((q): q is SingleQuestion => q.type === 'single' && q.fixedOrder);
    if (fixed.length < MIN_QUESTIONS) return;
    const counts = new Map<number, SingleQuestion[]>();
    for (const q of fixed) {
      const index = writtenOrder(q).indexOf(q.answer);
      counts.set(index, [...(counts.get(index) ?? []), q]);
    }
    const [index, same] = [...counts].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0]!;
    if (same.length / fixed.length <= MAX_SHARE) return;
    const place = letter(index);
    const pattern = `the answer is option ${place} in ${same.length} of the ${fixed.length} fixed-order single-choice questions (${list(same)}), and students who notice pick ${place}`;
    // The written order puts the answer first, so a writer cannot move it to
    // another letter: the fix is to let handout place it, where nothing needs
    // the written order, or to stop a positional option being the answer.
    const free = same.filter((q) => !hasPositional(q));
    for (const q of free)
      report({
        id: q.id,
        path: ['fixed_order'],
        message: `remove fixed_order here: ${pattern}. This question has no "all/none of the above" option, so nothing needs the written order; without fixed_order handout places its answer at a letter balanced with the rest of the copy`,
      });
    // Still a pattern after those? At A, a question whose other option refers to the
    // rest leaves the fixed-order set once reworded; at the last place (positional
    // answers), writing the answer out moves it to A and the question stays.
    const rest = same.length - free.length;
    const left = fixed.length - free.length;
    const needed = Math.max(0, index === 0 ? 2 * rest - left : Math.ceil(rest - left / 2));
    for (const q of same.filter(hasPositional).slice(0, needed)) {
      const option = positionalOption(q)!;
      const fix =
        q.answer === option
          ? 'make that option a wrong one here (write the right answer out instead)'
          : 'reword that option so it stands on its own, then remove fixed_order';
      report({
        id: q.id,
        path: ['fixed_order'],
        message: `${pattern}. This question keeps its written order for its "${option}" option; ${fix}, so that ${place} stops being the safe guess`,
      });
    }
  },
};

function hasPositional(q: SingleQuestion): boolean {
  return positionalOption(q) !== undefined;
}

function positionalOption(q: SingleQuestion): string | undefined {
  return [q.answer, ...q.distractors].find((o) => POSITIONAL.test(o));
}

function list(questions: SingleQuestion[]): string {
  const ids = questions.map((q) => q.id);
  return ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, …` : ids.join(', ');
}
