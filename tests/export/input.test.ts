import { beforeAll, describe, expect, test } from 'vitest';
import { bankInput, quizInput } from '../../src/export/input.js';
import { blueprint, loadFixture, withSections, type Fixture } from './helpers.js';

let basic: Fixture;
beforeAll(async () => {
  basic = await loadFixture('export-basic');
});

const ids = (groups: { title: string; questions: { id: string }[] }[]) =>
  groups.map((g) => [g.title, g.questions.map((q) => q.id)]);

describe('which questions an export covers', () => {
  test('the bank: one group per article, questions in id order', () => {
    const input = bankInput(basic.content.bank.questions, basic.content.corpus);
    expect(input.groups).toHaveLength(1);
    const groupIds = input.groups[0]!.questions.map((q) => q.id);
    expect(groupIds).toEqual([...groupIds].sort());
    expect(groupIds).toHaveLength(basic.content.bank.questions.length);
  });

  test('a quiz: every question a section can draw, each in one section only', () => {
    const quiz = blueprint(basic, 'unit-quiz');
    const input = quizInput(
      basic.content.bank.questions,
      basic.content.corpus,
      quiz,
      quiz.seed,
      [],
    );
    expect(ids(input.groups)).toEqual([
      [
        'Choice questions',
        ['caption-officials', 'fixed-order-choice', 'guarantees-dropped', 'topics-discussed'],
      ],
      [
        'Short answers',
        [
          'caption-cloze',
          'interceptor-count',
          'one-blank-cloze',
          'where-he-spoke',
          'withdrawal-year',
        ],
      ],
      ['Matching and ordering', ['order-of-events', 'who-said-what']],
      ['Extended response', ['why-guarantees']],
    ]);
  });

  test('a question two sections can draw goes where it is needed, so a later narrow section is not left empty', () => {
    const quiz = withSections(blueprint(basic, 'unit-quiz'), [
      { title: 'Any choice', pick: 1, from: { types: ['single', 'multiple', 'true-false'] } },
      { title: 'Two named', pick: 2, from: { ids: ['caption-officials', 'fixed-order-choice'] } },
    ]);
    const input = quizInput(
      basic.content.bank.questions,
      basic.content.corpus,
      quiz,
      quiz.seed,
      [],
    );
    expect(ids(input.groups)).toEqual([
      ['Any choice', ['guarantees-dropped', 'topics-discussed']],
      ['Two named', ['caption-officials', 'fixed-order-choice']],
    ]);
  });
});
