/**
 * Every lint rule, in the order `handout stats` and the docs list them:
 * first the checks that keep a quiz correct, then the item-writing rules.
 * A new rule is a file in rules/ and a line here.
 */
import { allowableByQuestion, type Rule } from './rule.js';
import { passageExists } from './rules/passage-exists.js';
import { duplicatePassage } from './rules/duplicate-passage.js';
import { evidenceVerbatim } from './rules/evidence-verbatim.js';
import { distinctOptions } from './rules/distinct-options.js';
import { enoughOptions } from './rules/enough-options.js';
import { positionalOption } from './rules/positional-option.js';
import { answerPresent } from './rules/answer-present.js';
import { redundantAccept } from './rules/redundant-accept.js';
import { keyLongest } from './rules/key-longest.js';
import { allNoneOfTheAbove } from './rules/all-none-of-the-above.js';
import { negativeStem } from './rules/negative-stem.js';
import { duplicateOptions } from './rules/duplicate-options.js';
import { absoluteWords } from './rules/absolute-words.js';
import { stemClang } from './rules/stem-clang.js';
import { overlappingNumeric } from './rules/overlapping-numeric.js';
import { trueFalseBalance } from './rules/true-false-balance.js';
import { keyPosition } from './rules/key-position.js';
import { answerGivenAway } from './rules/answer-given-away.js';

export const RULES: readonly Rule[] = [
  passageExists,
  duplicatePassage,
  evidenceVerbatim,
  distinctOptions,
  enoughOptions,
  positionalOption,
  answerPresent,
  redundantAccept,
  keyLongest,
  allNoneOfTheAbove,
  negativeStem,
  duplicateOptions,
  absoluteWords,
  answerGivenAway,
  stemClang,
  overlappingNumeric,
  trueFalseBalance,
  keyPosition,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** The ids a question may name under `allow:`, in registry order (also enumerated by schema/bank.schema.json). */
export const ALLOWABLE_RULE_IDS: readonly string[] = RULES.filter(allowableByQuestion).map(
  (r) => r.id,
);
