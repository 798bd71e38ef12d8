/**
 * A table-driven tester for lint rules, after ESLint's RuleTester: each rule
 * is run, alone, on questions it must accept and on questions it must
 * report, through the same engine `handout lint` uses. Cases are written as
 * the fields that matter; the tester fills in an id, a passage and evidence
 * from the fixture article so that every case is a valid question.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ProblemList, type Problem } from '../../src/errors.js';
import { buildBank } from '../../src/bank/load.js';
import { parseArticle } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/article.js';
import { runRules } from '../../src/lint/engine.js';
import type { Rule } from '../../src/lint/rule.js';
import { ARTICLE, REPO } from '../helpers/project.js';

export type Fields = Record<string, unknown>;

export interface InvalidCase {
  /** One question, or several for a rule about the whole bank. */
  questions: Fields | Fields[];
  /** What the rule must report, in reading order: code, and where or what it says. */
  findings: { code?: string; field?: string; message?: string | RegExp; bank?: true }[];
}

export interface RuleCases {
  valid: (Fields | Fields[])[];
  invalid: InvalidCase[];
}

const root = path.join(REPO, 'tests', 'fixtures', 'rule-tester');
const articleFile = path.join(REPO, 'corpus', `${ARTICLE}.md`);

let corpusCache: Corpus | undefined;
export function fixtureCorpus(): Corpus {
  if (!corpusCache) {
    const article = parseArticle(articleFile, readFileSync(articleFile, 'utf8'), new ProblemList());
    if (!article) throw new Error('the fixture article does not load');
    corpusCache = { articles: [article], byId: new Map([[article.id, article]]) };
  }
  return corpusCache;
}

/** Fields each type requires, for cases that only write the ones they test. */
const TYPE_DEFAULTS: Record<string, Fields> = {
  single: {
    answer: 'Guarantees about the system’s use',
    distractors: ['Full NATO membership within a decade', 'A share of the radar contracts'],
  },
  multiple: {
    answers: ['Guarantees about the system’s use'],
    distractors: ['Full NATO membership within a decade', 'A share of the radar contracts'],
  },
  'true-false': { answer: true },
  short: { answer: 'guarantees' },
  numeric: { answer: 14 },
  cloze: { text: 'Moscow still wants [[guarantees]].' },
  matching: {
    pairs: [
      { left: 'Lavrov', right: 'Russia' },
      { left: 'Kerry', right: 'United States' },
      { left: 'Rasmussen', right: 'NATO' },
    ],
  },
  ordering: { items: ['Lisbon summit', 'Brussels meeting', 'Withdrawal from Afghanistan'] },
  essay: { guidance: ['Names the guarantees Moscow wanted'] },
};

/** A question with the fields every case shares, overridden by the case's own. */
export function complete(fields: Fields, index: number): Fields {
  const type = (fields.type as string | undefined) ?? 'single';
  const base: Fields = {
    id: `case-${index + 1}`,
    type,
    passages: `${ARTICLE}#p2`,
    prompt: 'What did Moscow still want?',
    evidence: 'still wants guarantees that the system would not be used against Russia',
  };
  return { ...base, ...TYPE_DEFAULTS[type], ...fields };
}

export interface RuleRun {
  /** Problems the rule reported. */
  problems: Problem[];
  /** Problems from loading the cases: a case that is not a valid question is a broken test. */
  loadProblems: Problem[];
  /** The line each field of each question is written on, to check where findings point. */
  file: string;
}

/** Runs one rule on a bank made of the given questions. */
export function runRule(rule: Rule, questions: Fields[]): RuleRun {
  const file = path.join(root, 'questions', 'cases.yaml');
  // No folding: each list item on one line, so a finding's line is easy to predict.
  const text = stringify({ questions: questions.map(complete) }, { lineWidth: 0 });
  const loading = new ProblemList();
  const bank = buildBank([{ file, text }], loading, root);
  const problems = new ProblemList();
  runRules(bank, fixtureCorpus(), problems, {
    bankAt: { file: path.join(root, 'questions') },
    rules: [rule],
  });
  return { problems: problems.sorted(), loadProblems: loading.items, file: text };
}

/**
 * The line (1-based) on which a field of the first question is written:
 * "answer", or "distractors.1" for an item of a list.
 */
function lineOf(text: string, field: string): number {
  const [name, item] = field.split('.');
  const lines = text.split('\n');
  const index = lines.findIndex((l) => new RegExp(`^\\s+-?\\s*${name}:`).test(l));
  return index + 1 + (item === undefined ? 0 : Number(item) + 1);
}

/** Declares one test per case: valid ones report nothing, invalid ones exactly their findings. */
export function testRule(rule: Rule, cases: RuleCases): void {
  const list = (q: Fields | Fields[]) => (Array.isArray(q) ? q : [q]);
  cases.valid.forEach((questions, i) => {
    it(`accepts valid case ${i + 1}`, () => {
      const run = runRule(rule, list(questions));
      expect(run.loadProblems).toEqual([]);
      expect(run.problems.map((p) => p.message)).toEqual([]);
    });
  });
  cases.invalid.forEach((invalid, i) => {
    it(`reports invalid case ${i + 1}`, () => {
      const run = runRule(rule, list(invalid.questions));
      expect(run.loadProblems).toEqual([]);
      expect(run.problems).toHaveLength(invalid.findings.length);
      invalid.findings.forEach((finding, f) => {
        const problem = run.problems[f]!;
        expect(problem.rule).toBe(rule.id);
        expect(problem.severity).toBe(rule.severity);
        expect(problem.code).toBe(finding.code ?? rule.id);
        if (finding.bank) expect(problem.line).toBeUndefined();
        if (finding.field) expect(problem.line).toBe(lineOf(run.file, finding.field));
        if (typeof finding.message === 'string') expect(problem.message).toContain(finding.message);
        else if (finding.message) expect(problem.message).toMatch(finding.message);
      });
    });
  });
}
