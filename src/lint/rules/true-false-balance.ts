/** True/false questions whose answers are mostly true, or mostly false. */
import { plural } from '../../util/text.js';
import type { Rule } from '../rule.js';

/** Below this many true/false questions a split says little. */
const MIN_QUESTIONS = 6;
/** More than this share with the same answer rewards always giving it. */
const MAX_SHARE = 2 / 3;

export const trueFalseBalance: Rule = {
  id: 'true-false-balance',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      'When most true/false statements of a bank are true (teachers tend to write true ones), a student who answers "true" whenever unsure scores well above half without knowing the content. The rule reports a bank of at least 6 true/false questions in which more than two thirds have the same answer. Turn some statements into false ones that a student who read the article would reject.',
    bad: '# 9 of 10 true/false questions have answer: true',
    good: '# 5 of 10 true/false questions have answer: true, 5 have answer: false',
  },
  bank(questions, report) {
    const answers = questions.flatMap((q) => (q.type === 'true-false' ? [q.answer] : []));
    if (answers.length < MIN_QUESTIONS) return;
    const trues = answers.filter(Boolean).length;
    const majority = Math.max(trues, answers.length - trues);
    if (majority / answers.length <= MAX_SHARE) return;
    const word = majority === trues ? 'true' : 'false';
    report({
      message: `${majority} of ${plural(answers.length, 'true/false question')} have the answer ${word} (${Math.round((majority / answers.length) * 100)}%); a student who always answers "${word}" scores that much without reading. Aim for about half true and half false`,
    });
  },
};
