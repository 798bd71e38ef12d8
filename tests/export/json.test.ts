import { beforeAll, describe, expect, test } from 'vitest';
import { exportFormats } from '../../src/export/index.js';
import { drawVersions } from '../../src/quiz/draw.js';
import { keyNotation } from '../../src/quiz/key.js';
import { blueprint, text, useFixtures } from './helpers.js';

type Node = Record<string, unknown>;

const fixtures = useFixtures();

const questionsOf = (doc: Node) =>
  Object.fromEntries((doc.questions as Node[]).map((q) => [q.id as string, q]));

describe('JSON of the bank', () => {
  let doc: Node;
  beforeAll(() => {
    doc = JSON.parse(
      text(exportFormats(fixtures.basic.content, { formats: ['json'] }), 'json/question-bank.json'),
    ) as Node;
  });

  test('every question with its type’s own fields, as written in the bank', () => {
    const q = questionsOf(doc);
    expect(Object.keys(q).sort()).toEqual(
      fixtures.basic.content.bank.questions.map((b) => b.id).sort(),
    );
    expect(q['topics-discussed']).toMatchObject({
      type: 'multiple',
      answers: [
        'The situation in Syria',
        "NATO's planned withdrawal from Afghanistan",
        'Missile defense',
      ],
      fixedOrder: false,
    });
    expect(q['interceptor-count']).toMatchObject({ answer: 1, tolerance: 0.5, unit: 'months' });
    expect(q['caption-cloze']).toMatchObject({
      blanks: [
        ['John Kerry', 'Kerry'],
        ['Sergei Lavrov', 'Lavrov'],
      ],
    });
    expect(q['who-said-what']).toMatchObject({ distractors: ['Russia will leave the treaty'] });
    expect(q['order-of-events']).toMatchObject({
      items: [
        'The Pentagon announces more interceptors in Alaska',
        'Lavrov meets NATO foreign ministers in Brussels',
        'NATO withdraws from Afghanistan',
      ],
    });
    expect(q['why-guarantees']).toMatchObject({ lines: 10, points: 5 });
  });

  test('each question names its sources: article, outlet, date and paragraph', () => {
    expect(questionsOf(doc)['topics-discussed']!.citations).toEqual([
      {
        ref: 'lavrov-studying-proposals-2013#p7',
        article: 'lavrov-studying-proposals-2013',
        title: 'Russia Studying U.S. Missile Defense Plans, Still Wants Guarantees',
        outlet: 'Radio Free Europe/Radio Liberty',
        date: '23 Apr 2013',
        paragraph: 7,
      },
      {
        ref: 'lavrov-studying-proposals-2013#p12',
        article: 'lavrov-studying-proposals-2013',
        title: 'Russia Studying U.S. Missile Defense Plans, Still Wants Guarantees',
        outlet: 'Radio Free Europe/Radio Liberty',
        date: '23 Apr 2013',
        paragraph: 12,
      },
    ]);
  });

  test('nothing machine-specific (like absolute paths) is written', () => {
    expect(JSON.stringify(doc)).not.toContain(fixtures.basic.content.project.root);
  });
});

describe('JSON of a quiz', () => {
  test('sections with their picks, and the keys of every copy and item', () => {
    const quiz = blueprint(fixtures.basic, 'unit-quiz');
    const doc = JSON.parse(
      text(
        exportFormats(fixtures.basic.content, { formats: ['json'], quiz }),
        'json/unit-quiz.json',
      ),
    ) as Node;
    expect((doc.groups as Node[]).map((g) => [g.title, g.pick])).toEqual([
      ['Choice questions', 3],
      ['Short answers', 2],
      ['Matching and ordering', 1],
      ['Extended response', 1],
    ]);
    const copies = drawVersions(fixtures.basic.content.bank.questions, quiz, quiz.seed);
    const keys = (doc.keys as Node[]).map((k) => [k.copy, k.item, k.question_id, k.key]);
    expect(keys).toEqual(
      copies.flatMap((c) =>
        c.items.map((i) => [
          c.label,
          i.number,
          i.question.id,
          i.presentation.type === 'numeric' ? i.presentation.answer : keyNotation(i.presentation),
        ]),
      ),
    );
  });
});

describe('JSON escaping', () => {
  test('special and non-Latin characters read back exactly', () => {
    const doc = JSON.parse(
      text(
        exportFormats(fixtures.escaping.content, { formats: ['json'] }),
        'json/question-bank.json',
      ),
    ) as Node;
    const q = questionsOf(doc);
    for (const question of fixtures.escaping.content.bank.questions)
      expect(q[question.id]!.prompt).toBe(question.prompt);
    expect(q['esc-short']).toMatchObject({
      answer: 'Лавров {x} ~ = # : AT&T',
      accept: ['拉夫罗夫 a*b <i>', '%10% back\\slash'],
    });
  });
});
