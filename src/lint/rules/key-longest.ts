/**
 * The key of a single-choice question is the longest option: the most
 * common answer cue. Teachers write the right answer carefully and qualify
 * it, and the distractors come out shorter; students learn to pick the
 * longest option.
 */
import type { SingleQuestion } from '../../bank/question.js';
import { unhandledType, type Rule } from '../rule.js';
import { visibleLength } from '../wording.js';

/** "Clearly" longest: this much longer than every distractor. */
const CLEARLY = 1.15;
/** Above this share of single-choice questions, always picking the longest option pays. */
const MAX_SHARE = 0.35;
/** Below this many single-choice questions a share says little. */
const MIN_QUESTIONS = 10;

export const keyLongest: Rule = {
  id: 'key-longest',
  severity: 'warning',
  category: 'item-writing',
  doc: {
    description:
      'Students learn that the carefully qualified option is usually the right one. A single-choice question whose answer is at least 15% longer than every distractor is reported; so is a bank in which a student who always picks the longest option (at random among equally long ones) would get more than 35% of the single-choice questions right, where chance with four options is 25%. Make the distractors as specific as the answer, from the same article, rather than shortening the answer until it is vague.',
    bad: 'prompt: What did Moscow still want?\nanswer: Legally binding guarantees that the system would not be aimed at Russia\ndistractors: [NATO membership, A share of contracts, A joint command]',
    good: 'prompt: What did Moscow still want?\nanswer: Legally binding guarantees that the system would not be aimed at Russia\ndistractors:\n  - A seat on the NATO council that decides where the interceptors go\n  - A share of the contracts for building the radars in Europe\n  - A joint command in which Russian officers could veto a launch',
  },
  question(question, report) {
    switch (question.type) {
      case 'single': {
        const key = visibleLength(question.answer);
        const longest = Math.max(...question.distractors.map(visibleLength));
        if (key >= longest * CLEARLY)
          report({
            path: ['answer'],
            message: `the answer (${key} characters) is clearly the longest option (the longest distractor has ${longest}); students who pick the longest option get it right without reading. Make the distractors as specific as the answer`,
          });
        return;
      }
      case 'multiple':
      case 'true-false':
      case 'short':
      case 'numeric':
      case 'cloze':
      case 'matching':
      case 'ordering':
      case 'essay':
        return; // the cue is measured where exactly one option is right
      default:
        return unhandledType(question);
    }
  },
  bank(questions, report) {
    const singles = questions.filter((q): q is SingleQuestion => q.type === 'single');
    if (singles.length < MIN_QUESTIONS) return;
    const share = longestPickerScore(singles);
    if (share <= MAX_SHARE) return;
    const longest = singles.filter((q) => keyLongestShare(q) === 1);
    report({
      message: `a student who always picks the longest option would get ${Math.round(share * 100)}% of the ${singles.length} single-choice questions right (the answer is the only longest option in ${longest.length}); above ${MAX_SHARE * 100}% the longest option is a cue. Make distractors as long and specific as the answers, starting with: ${longest
        .slice(0, 8)
        .map((q) => q.id)
        .join(', ')}${longest.length > 8 ? ` and ${longest.length - 8} more` : ''}`,
    });
  },
};

/**
 * The chance that a student who picks the longest option (at random among
 * equally long ones) picks the answer: 1 if the answer is the only longest
 * option, 1/n if it ties with n-1 distractors, 0 otherwise.
 */
export function keyLongestShare(question: SingleQuestion): number {
  const key = visibleLength(question.answer);
  const lengths = question.distractors.map(visibleLength);
  if (lengths.some((d) => d > key)) return 0;
  return 1 / (1 + lengths.filter((d) => d === key).length);
}

/** What always picking the longest option scores on these questions, 0-1. */
export function longestPickerScore(singles: readonly SingleQuestion[]): number {
  return singles.reduce((sum, q) => sum + keyLongestShare(q), 0) / singles.length;
}
