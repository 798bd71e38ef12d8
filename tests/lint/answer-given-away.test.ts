/**
 * answer-given-away and the project's quizzes: two questions are compared
 * only when a quiz can draw both, and the message names that quiz.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildBank } from '../../src/bank/load.js';
import { ProblemList } from '../../src/errors.js';
import { runRules } from '../../src/lint/engine.js';
import { answerGivenAway } from '../../src/lint/rules/answer-given-away.js';
import type { Blueprint } from '../../src/quiz/blueprint.js';
import { REPO } from '../helpers/project.js';
import { complete, fixtureCorpus } from './rule-tester.js';

const root = path.join(REPO, 'tests', 'fixtures', 'rule-tester');

const QUESTIONS = [
  {
    type: 'numeric',
    tags: ['meetings'],
    prompt: 'On what day of April did Lavrov meet NATO foreign ministers in Brussels?',
    answer: 23,
  },
  {
    type: 'true-false',
    tags: ['talks'],
    prompt: 'Lavrov met NATO foreign ministers in Brussels on April 23.',
    answer: true,
  },
];

/** A quiz drawing the questions tagged `tags`, one section per tag. */
const quiz = (id: string, ...tags: string[]) =>
  ({
    id,
    sections: tags.map((tag, index) => ({
      index,
      title: tag,
      pick: 1,
      from: { tags: [tag] },
      at: { file: `${id}.yaml` },
    })),
  }) as unknown as Blueprint;

function lint(blueprints: Blueprint[]): string[] {
  const file = path.join(root, 'questions', 'cases.yaml');
  const text = stringify({ questions: QUESTIONS.map(complete) }, { lineWidth: 0 });
  const bank = buildBank([{ file, text }], new ProblemList(), root);
  const problems = new ProblemList();
  runRules(bank, fixtureCorpus(), problems, {
    bankAt: { file: path.join(root, 'questions') },
    rules: [answerGivenAway],
    blueprints,
  });
  return problems.sorted().map((p) => p.message);
}

describe('answer-given-away and the quizzes that draw the questions', () => {
  it('compares two questions that one quiz can draw, and names the quiz', () => {
    const [message, ...rest] = lint([quiz('unit', 'meetings', 'talks')]);
    expect(rest).toEqual([]);
    expect(message).toContain('its answer "23" is given away by question "case-2"');
    expect(message).toContain('the quiz "unit" can draw both');
  });

  it('leaves two questions alone when no quiz draws both', () => {
    expect(lint([quiz('first', 'meetings'), quiz('second', 'talks')])).toEqual([]);
  });

  it('treats a project without quizzes as one pool: any quiz may draw both', () => {
    expect(lint([])).toEqual([expect.stringContaining('a quiz can draw both')]);
  });
});
