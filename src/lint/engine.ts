/**
 * Runs the lint rules over the bank: each finding becomes a located
 * Problem carrying its rule id, unless the question allows the rule with a
 * reason. Also checks the `allow` entries themselves: an unknown rule id is
 * an error (with a suggestion), an allow that silences nothing a warning.
 */
import type { Problem, ProblemList, Severity, SourceLocation } from '../errors.js';
import type { Bank } from '../bank/load.js';
import type { Corpus } from '../corpus/article.js';
import { didYouMean } from '../util/text.js';
import path from 'node:path';
import type { Blueprint } from '../quiz/blueprint.js';
import {
  allowable,
  allowableByQuestion,
  type BankFinding,
  type Finding,
  type Rule,
  type RuleContext,
} from './rule.js';
import { RULES } from './registry.js';

export interface RuleTally {
  rule: string;
  severity: Severity;
  category: Rule['category'];
  /** Findings reported as problems. */
  reported: number;
  /** Findings silenced by a question's `allow`. */
  allowed: number;
}

export interface Allowance {
  /** The question that allows the rule. */
  id: string;
  rule: string;
  reason: string;
  /** How many findings it silenced in this run. */
  silenced: number;
}

export interface LintResult {
  rules: RuleTally[];
  allows: Allowance[];
}

export interface RunOptions {
  /** Where findings about the bank as a whole point: the questions folder. */
  bankAt: SourceLocation;
  rules?: readonly Rule[];
  /** The project's quizzes, for rules about questions drawn together. */
  blueprints?: readonly Blueprint[];
  /**
   * False: only the rules that find errors run. A command that generates
   * something needs only to know that nothing is wrong, and the
   * item-writing warnings cost it time before its first page prints
   * (about 60 ms of the bundled bank's load). `allow:` entries are still
   * checked against every rule.
   */
  warnings?: boolean;
}

export function runRules(
  bank: Bank,
  corpus: Corpus,
  problems: ProblemList,
  options: RunOptions,
): LintResult {
  const known = options.rules ?? RULES;
  const byId = new Map(known.map((r) => [r.id, r]));
  const warnings = options.warnings ?? true;
  const rules = warnings ? known : known.filter((r) => r.severity === 'error');
  // Files in messages are named from the project folder, the questions folder's parent.
  const root = path.dirname(options.bankAt.file);
  const context: RuleContext = {
    corpus,
    ...(options.blueprints ? { blueprints: options.blueprints } : {}),
    where: (id, at = []) => {
      const { file, line } = bank.locate(id, at);
      return `${path.relative(root, file).split(path.sep).join('/')}${line ? `:${line}` : ''}`;
    },
  };
  const tallies = new Map<string, RuleTally>(
    rules.map((r) => [
      r.id,
      { rule: r.id, severity: r.severity, category: r.category, reported: 0, allowed: 0 },
    ]),
  );
  const allows: Allowance[] = [];
  const allowIndex = new Map<string, Allowance>();

  for (const question of bank.questions) {
    for (const [ruleId, reason] of Object.entries(question.allow)) {
      // Located only when there is something to say: positions cost a second parse of the file.
      const at = () => bank.locateKey(question.id, ['allow', ruleId]);
      const rule = byId.get(ruleId);
      if (!rule) {
        problems.error(
          at(),
          'unknown-rule',
          `question "${question.id}": "allow" names the rule "${ruleId}", which does not exist${didYouMean(ruleId, byId.keys())}; a question can allow ${allowableIds(known)}`,
          question.id,
        );
      } else if (!allowableByQuestion(rule)) {
        problems.error(
          at(),
          'rule-not-allowable',
          !allowable(rule)
            ? `question "${question.id}": the rule "${ruleId}" finds errors that would make the quiz wrong, so it cannot be allowed; fix the question instead`
            : `question "${question.id}": the rule "${ruleId}" is about the bank as a whole, so one question cannot allow it; remove it from "allow"`,
          question.id,
        );
      } else {
        const allowance = { id: question.id, rule: ruleId, reason, silenced: 0 };
        allows.push(allowance);
        allowIndex.set(`${question.id}\u0000${ruleId}`, allowance);
      }
    }
  }

  const add = (rule: Rule, at: SourceLocation, message: string, code?: string, id?: string) => {
    tallies.get(rule.id)!.reported++;
    const problem: Problem = {
      ...at,
      severity: rule.severity,
      code: code ?? rule.id,
      rule: rule.id,
      message,
      ...(id === undefined ? {} : { id }),
    };
    problems.add(problem);
  };

  const reporter =
    (rule: Rule, id: string) =>
    (finding: Finding): void => {
      const allowance = allowIndex.get(`${id}\u0000${rule.id}`);
      if (allowance) {
        allowance.silenced++;
        tallies.get(rule.id)!.allowed++;
        return;
      }
      add(
        rule,
        bank.locate(id, finding.path ?? []),
        `question "${id}": ${finding.message}`,
        finding.code,
        id,
      );
    };

  const questionRules = rules.filter((r) => r.question);
  const citingRules = rules.filter((r) => r.citing);
  for (const question of bank.questions) {
    for (const rule of citingRules) rule.citing!(question, reporter(rule, question.id), context);
    for (const rule of questionRules)
      rule.question!(question, reporter(rule, question.id), context);
  }
  // Questions that failed their schema still get their citations checked.
  for (const citing of bank.incomplete)
    for (const rule of citingRules) rule.citing!(citing, reporter(rule, citing.id), context);

  for (const rule of rules)
    rule.across?.(bank.questions, (id, finding) => reporter(rule, id)(finding), context);

  for (const rule of rules) {
    if (!rule.bank) continue;
    rule.bank(
      bank.questions,
      (finding: BankFinding) =>
        finding.id === undefined
          ? add(rule, options.bankAt, `the bank: ${finding.message}`, finding.code)
          : add(
              rule,
              bank.locate(finding.id, finding.path ?? []),
              `question "${finding.id}": ${finding.message}`,
              finding.code,
              finding.id,
            ),
      context,
    );
  }

  for (const allowance of allows) {
    // Without the warning rules, no allowance silenced anything: nothing to say.
    if (allowance.silenced > 0 || !warnings) continue;
    problems.warning(
      bank.locateKey(allowance.id, ['allow', allowance.rule]),
      'unused-allow',
      `question "${allowance.id}": "allow" silences the rule "${allowance.rule}", which finds nothing in this question; remove it`,
      allowance.id,
    );
  }
  return { rules: [...tallies.values()], allows };
}

/** "key-longest, negative-stem or stem-clang" */
function allowableIds(rules: readonly Rule[]): string {
  const ids = rules.filter(allowableByQuestion).map((r) => r.id);
  if (ids.length === 0) return 'no rule';
  return ids.length === 1 ? ids[0]! : `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)!}`;
}
