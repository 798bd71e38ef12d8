/** Two options that say nearly the same thing. */
import type { YamlPath } from '../../util/yaml-source.js';
import { answerKey, editDistance } from '../../util/text.js';
import { unhandledType, type Rule } from '../rule.js';

export const duplicateOptions: Rule = {
  id: 'duplicate-options',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      'Two options that differ only in an article, a spelling, the order of their words or a typo say the same thing: a student who notices can rule both out (or, in a matching question, guess between them), so the question has one option fewer than it seems. Options that are exactly the same are an error (distinct-options); this rule finds the near-same ones. Make every option say something different.',
    bad: 'answer: Guarantees about the system’s use\ndistractors: [The missile defence system, Missile defense system]',
    good: 'answer: Guarantees about the system’s use\ndistractors: [A share of the contracts, Full NATO membership]',
  },
  question(question, report) {
    const options: { text: string; path: YamlPath }[] = [];
    switch (question.type) {
      case 'single':
        options.push({ text: question.answer, path: ['answer'] });
        question.distractors.forEach((text, i) => options.push({ text, path: ['distractors', i] }));
        break;
      case 'multiple':
        question.answers.forEach((text, i) => options.push({ text, path: ['answers', i] }));
        question.distractors.forEach((text, i) => options.push({ text, path: ['distractors', i] }));
        break;
      case 'matching':
        question.pairs.forEach((p, i) =>
          options.push({ text: p.right, path: ['pairs', i, 'right'] }),
        );
        question.distractors.forEach((text, i) => options.push({ text, path: ['distractors', i] }));
        break;
      case 'ordering':
        question.items.forEach((text, i) => options.push({ text, path: ['items', i] }));
        break;
      case 'true-false':
      case 'short':
      case 'numeric':
      case 'cloze':
      case 'essay':
        return; // no options to confuse
      default:
        return unhandledType(question);
    }
    const keys = options.map((o) => answerKey(o.text));
    const forms = keys.map(normalForm);
    for (let j = 1; j < options.length; j++) {
      for (let i = 0; i < j; i++) {
        if (keys[i] === keys[j] || !nearSame(forms[i]!, forms[j]!)) continue;
        report({
          path: options[j]!.path,
          message: `"${options[j]!.text}" says nearly the same as "${options[i]!.text}"; a student who notices can rule both out, so make them say different things`,
        });
        break;
      }
    }
  },
};

/** The option without articles, for comparison. */
function normalForm(key: string): string {
  return key
    .split(' ')
    .filter((w) => w !== 'a' && w !== 'an' && w !== 'the')
    .join(' ');
}

function nearSame(a: string, b: string): boolean {
  if (a === b) return true;
  // Short options in another order say the same ("Russia and NATO"); in a
  // sentence, order carries meaning ("from A to B" is not "from B to A").
  const sorted = (s: string) => s.split(' ').sort().join(' ');
  if (a.split(' ').length <= 4 && sorted(a) === sorted(b)) return true;
  // Different numbers are different answers however close the text ("2010", "2012").
  const digits = (s: string) => s.replace(/\D+/g, ' ').trim();
  if (digits(a) !== digits(b)) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 8) return false;
  // A typo or a spelling variant ("defence", "defense"), not a different word.
  return editDistance(a, b) <= (shorter >= 24 ? 2 : 1);
}
