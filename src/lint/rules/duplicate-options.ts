/** Two options that say nearly the same thing. */
import type { YamlPath } from '../../util/yaml-source.js';
import { answerKey, withinEditDistance } from '../../util/text.js';
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
    const forms = options.map((o) => comparable(o.text));
    for (let j = 1; j < options.length; j++) {
      for (let i = 0; i < j; i++) {
        if (!nearSame(forms[i]!, forms[j]!)) continue;
        report({
          path: options[j]!.path,
          message: `"${options[j]!.text}" says nearly the same as "${options[i]!.text}"; a student who notices can rule both out, so make them say different things`,
        });
        break;
      }
    }
  },
};

interface Comparable {
  /** As answers are compared: case, spacing and punctuation ignored. */
  key: string;
  /** The key without articles. */
  form: string;
  /** Its words in alphabetical order, for options of up to 4 words. */
  sorted: string | undefined;
  digits: string;
}

function comparable(text: string): Comparable {
  const key = answerKey(text);
  const words = key.split(' ').filter((w) => w !== 'a' && w !== 'an' && w !== 'the');
  return {
    key,
    form: words.join(' '),
    // Short options in another order say the same ("Russia and NATO"); in a
    // sentence, order carries meaning ("from A to B" is not "from B to A").
    sorted: words.length <= 4 ? [...words].sort().join(' ') : undefined,
    digits: key.replace(/\D+/g, ' ').trim(),
  };
}

function nearSame(a: Comparable, b: Comparable): boolean {
  // Exactly the same is an error, reported by distinct-options.
  if (a.key === b.key) return false;
  if (a.form === b.form) return true;
  if (a.sorted !== undefined && a.sorted === b.sorted) return true;
  // Different numbers are different answers however close the text ("2010", "2012").
  if (a.digits !== b.digits) return false;
  const shorter = Math.min(a.form.length, b.form.length);
  if (shorter < 8) return false;
  // A typo or a spelling variant ("defence", "defense"), not a different word.
  const limit = shorter >= 24 ? 2 : 1;
  return withinEditDistance(a.form, b.form, limit);
}
