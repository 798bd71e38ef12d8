/**
 * The shape of a lint rule. Each rule lives in its own file under
 * `lint/rules/`, says what it finds in a one-paragraph doc with a bad and a
 * good example, and is listed in `lint/registry.ts`. The engine
 * (`lint/engine.ts`) runs the rules, turns their findings into located
 * problems and applies each question's `allow`.
 */
import type { Severity } from '../errors.js';
import type { Citing } from '../bank/question.js';
import type { Question } from '../bank/question.js';
import type { Corpus } from '../corpus/article.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { YamlPath } from '../util/yaml-source.js';

export interface RuleDoc {
  /** One paragraph: what the rule finds, why it matters, how to fix it. */
  description: string;
  /** A question (bank YAML) the rule reports. */
  bad: string;
  /** The same question, fixed. */
  good: string;
}

/** One thing a rule found in a question. */
export interface Finding {
  /** The field the finding is about, inside the question (e.g. ['distractors', 1]). */
  path?: YamlPath;
  /** Plain words: what is wrong, then what to do. Said of the question named before it. */
  message: string;
  /** A more specific code than the rule id, for rules that find several things. */
  code?: string;
}

/** One thing a rule found in the bank as a whole. */
export interface BankFinding extends Finding {
  /** The question the finding points at; without one, it points at the questions folder. */
  id?: string;
}

export interface RuleContext {
  corpus: Corpus;
  /** The project's quizzes: which questions each can draw (none given: any two questions may meet). */
  blueprints?: readonly Blueprint[];
  /** "questions/x.yaml:12": where a question (or a field of it) is written, to name it in a message. */
  where: (id: string, path?: YamlPath) => string;
}

export interface Rule {
  /** kebab-case, stable: it is what `allow:` and `--format json` name. */
  id: string;
  severity: Severity;
  /** Item-writing rules look for answer cues and flawed stems (Haladyna, Downing & Rodriguez 2002). */
  category: 'correctness' | 'item-writing';
  doc: RuleDoc;
  /** Checked on every question that passed its schema. */
  question?: (question: Question, report: (finding: Finding) => void, context: RuleContext) => void;
  /** Checked on every question's citations, also on questions that failed their schema. */
  citing?: (citing: Citing, report: (finding: Finding) => void, context: RuleContext) => void;
  /**
   * Checked once on the whole bank, for findings that each concern one
   * question (pairs of questions, say): that question may allow the rule.
   */
  across?: (
    questions: readonly Question[],
    report: (id: string, finding: Finding) => void,
    context: RuleContext,
  ) => void;
  /** Checked once on the whole bank. */
  bank?: (
    questions: readonly Question[],
    report: (finding: BankFinding) => void,
    context: RuleContext,
  ) => void;
}

/**
 * The default branch of a rule's `switch (question.type)`. Its parameter is
 * `never`, so a question type the switch does not list is a compile error:
 * whoever adds a type must decide what every rule does with it.
 */
export function unhandledType(question: never): never {
  throw new Error(`lint: no rule branch for question type ${(question as Question).type}`);
}

/** Only warnings can be silenced with `allow:`; an error means the quiz would be wrong. */
export function allowable(rule: Rule): boolean {
  return rule.severity === 'warning';
}

/** What a question may name under `allow:`: a warning it can cause itself, not one about the whole bank. */
export function allowableByQuestion(rule: Rule): boolean {
  return (
    allowable(rule) &&
    (rule.question !== undefined || rule.citing !== undefined || rule.across !== undefined)
  );
}
