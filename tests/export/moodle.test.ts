import { beforeAll, describe, expect, test } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import type { Question } from '../../src/bank/question.js';
import { exportFormats } from '../../src/export/index.js';
import { multipleCredit } from '../../src/grade/score.js';
import { MOODLE_PERCENTAGES, splitHundred } from '../../src/export/fractions.js';
import { toHtml, toText } from '../../src/export/text.js';
import { blueprint, parseXml, text, useFixtures } from './helpers.js';
import { readMoodleCloze, shortAnswerLiteral } from './moodle-cloze.js';

type Node = Record<string, unknown>;
const ARRAYS = ['question', 'answer', 'subquestion', 'tag', 'unit'];

/** The text of a <x><text>…</text></x> field, as Moodle's importer reads it (trimmed). */
function textOf(node: unknown): string {
  const t = (node as Node | undefined)?.text;
  return typeof t === 'string' ? t.trim() : '';
}

function moodleQuestions(xml: string): Node[] {
  return ((parseXml(xml, ARRAYS).quiz as Node).question as Node[]) ?? [];
}

function byIdnumber(questions: Node[], id: string): Node {
  const found = questions.find((q) => q.idnumber === id);
  if (!found) throw new Error(`no question with idnumber ${id}`);
  return found;
}

const answers = (q: Node) => (q.answer as Node[]) ?? [];
const fraction = (a: Node) => Number(a['@_fraction']);
const ALLOWED = new Set([0, ...MOODLE_PERCENTAGES, ...MOODLE_PERCENTAGES.map((p) => -p)]);

const fixtures = useFixtures();

describe('Moodle XML of the whole bank', () => {
  let questions: Node[];
  let bank: Question[];
  beforeAll(() => {
    questions = moodleQuestions(
      text(
        exportFormats(fixtures.basic.content, { formats: ['moodle'] }),
        'moodle/question-bank.xml',
      ),
    );
    bank = fixtures.basic.content.bank.questions;
  });

  test('every bank question is there, with the Moodle type for its kind', () => {
    const types = Object.fromEntries(
      questions.filter((q) => q['@_type'] !== 'category').map((q) => [q.idnumber, q['@_type']]),
    );
    expect(types).toEqual({
      'caption-officials': 'multichoice',
      'fixed-order-choice': 'multichoice',
      'topics-discussed': 'multichoice',
      'guarantees-dropped': 'truefalse',
      'where-he-spoke': 'shortanswer',
      'withdrawal-year': 'numerical',
      'interceptor-count': 'numerical',
      'caption-cloze': 'multianswer',
      'one-blank-cloze': 'multianswer',
      'who-said-what': 'matching',
      'order-of-events': 'ordering',
      'why-guarantees': 'essay',
    });
  });

  test('the category is the article title under $course$/top/handout', () => {
    const category = questions[0]!;
    expect(category['@_type']).toBe('category');
    expect(textOf(category.category)).toBe(
      '$course$/top/handout/Russia Studying U.S. Missile Defense Plans, Still Wants Guarantees',
    );
  });

  test('name and idnumber are the question id, the grade its points, the tags the bank tags', () => {
    for (const question of bank) {
      const q = byIdnumber(questions, question.id);
      expect(textOf(q.name)).toBe(question.id);
      if (question.type !== 'cloze') expect(Number(q.defaultgrade)).toBe(question.points);
      expect(((q.tags as Node).tag as Node[]).map(textOf)).toEqual(question.tags);
    }
  });

  test('the general feedback carries the explanation, the citation and the evidence', () => {
    const feedback = textOf(byIdnumber(questions, 'caption-officials').generalfeedback);
    expect(feedback).toContain('The caption names <strong>Kerry</strong> and Lavrov.');
    expect(feedback).toContain(
      'Source: “Russia Studying U.S. Missile Defense Plans, Still Wants Guarantees,” Radio Free Europe/Radio Liberty, 23 Apr 2013, ¶1',
    );
    expect(feedback).toContain(
      'Evidence: “U.S. Secretary of State John Kerry (left) talks with Russian Foreign Minister Sergei Lavrov”',
    );
    for (const question of bank) {
      if (question.type === 'essay') continue;
      expect(textOf(byIdnumber(questions, question.id).generalfeedback), question.id).toMatch(
        /Source: .*¶\d/,
      );
    }
  });

  test('single choice: one answer at 100%, shuffled unless the bank fixes the order', () => {
    const q = byIdnumber(questions, 'caption-officials');
    expect(q.single).toBe('true');
    expect(q.shuffleanswers).toBe('true');
    expect(
      answers(q)
        .filter((a) => fraction(a) === 100)
        .map(textOf),
    ).toEqual(['John Kerry and Sergei Lavrov']);
    expect(answers(q).filter((a) => fraction(a) === 0)).toHaveLength(3);
    const fixed = byIdnumber(questions, 'fixed-order-choice');
    expect(fixed.shuffleanswers).toBe('false');
    expect(answers(fixed).map(textOf).at(-1)).toBe('None of the above');
  });

  test('multiple answers: grades from Moodle’s list, +100% over the right ones and −100% over the wrong ones', () => {
    const q = byIdnumber(questions, 'topics-discussed');
    expect(q.single).toBe('false');
    const grades = answers(q).map(fraction);
    for (const g of grades) expect(ALLOWED.has(g), `grade ${g}`).toBe(true);
    const positive = grades.filter((g) => g > 0);
    const negative = grades.filter((g) => g < 0);
    expect(positive).toHaveLength(3);
    // qtype_multichoice rounds the sum of the positive fractions to two decimals and wants 1.
    expect(Math.round(positive.reduce((a, b) => a + b, 0)) / 100).toBe(1);
    expect(negative.reduce((a, b) => a + b, 0)).toBeCloseTo(-100, 3);
  });

  test('Moodle marks a multiple-answer question as handout grade does, for every way of ticking the boxes', () => {
    const q = byIdnumber(questions, 'topics-discussed');
    const grades = answers(q).map(fraction);
    const letters = grades.map((_, i) => String.fromCharCode(65 + i));
    const correct = letters.filter((_, i) => grades[i]! > 0);
    for (let mask = 0; mask < 1 << letters.length; mask++) {
      const chosen = letters.filter((_, i) => mask & (1 << i));
      // qtype_multichoice_multi_question::grade_response: the sum of the chosen grades, kept within 0..1.
      const moodle = Math.min(
        Math.max(
          0,
          chosen.reduce((sum, l) => sum + grades[letters.indexOf(l)]! / 100, 0),
        ),
        1,
      );
      expect(moodle, chosen.join('') || 'none').toBeCloseTo(
        multipleCredit(chosen, correct, letters.length),
        6,
      );
    }
  });

  test('true/false: the answer texts are "true" and "false" and the right one has 100%', () => {
    const q = byIdnumber(questions, 'guarantees-dropped');
    const graded = Object.fromEntries(answers(q).map((a) => [textOf(a), fraction(a)]));
    expect(graded).toEqual({ true: 0, false: 100 });
  });

  test('short answer: every accepted answer at 100%, case-insensitive', () => {
    const q = byIdnumber(questions, 'where-he-spoke');
    expect(q.usecase).toBe('0');
    expect(answers(q).map((a) => [textOf(a), fraction(a)])).toEqual([
      ['Brussels', 100],
      ['Brussels, Belgium', 100],
      ['NATO headquarters in Brussels', 100],
    ]);
  });

  test('numerical: answer, tolerance and the unit shown next to the box', () => {
    const q = byIdnumber(questions, 'interceptor-count');
    const [a] = answers(q);
    expect([textOf(a), Number(a!.tolerance), fraction(a!)]).toEqual(['1', 0.5, 100]);
    expect(((q.units as Node).unit as Node[])[0]).toEqual({ multiplier: '1', unit_name: 'months' });
    expect(byIdnumber(questions, 'withdrawal-year').units).toBeUndefined();
  });

  test('cloze: every blank is a SHORTANSWER with all its alternatives, and the marks add up to the points', () => {
    const q = byIdnumber(questions, 'caption-cloze');
    const { blanks, rest } = readMoodleCloze(textOf(q.questiontext));
    expect(blanks.map((b) => b.shortAnswer)).toEqual([true, true]);
    expect(blanks.map((b) => b.answers.map((a) => [a.text, a.fraction]))).toEqual([
      [
        ['John Kerry', 1],
        ['Kerry', 1],
      ],
      [
        ['Sergei Lavrov', 1],
        ['Lavrov', 1],
      ],
    ]);
    expect(blanks.reduce((n, b) => n + b.mark, 0)).toBe(2);
    expect(rest).toContain('<em>Russian</em> Foreign Minister {#2} in Brussels.');
  });

  test('matching: pairs as subquestions, distractors as subquestions without text', () => {
    const subs = (byIdnumber(questions, 'who-said-what').subquestion as Node[]).map((s) => [
      textOf(s),
      textOf((s.answer as Node[])[0]),
    ]);
    expect(subs).toEqual([
      ['Rasmussen', 'the alliance is extremely concerned'],
      ['Lavrov', 'Moscow still wants guarantees'],
      ['Rasmussen (on Afghanistan)', 'We will not walk away'],
      ['', 'Russia will leave the treaty'],
    ]);
  });

  test('ordering: qtype_ordering fields, answers in the correct order', () => {
    const q = byIdnumber(questions, 'order-of-events');
    expect([q.layouttype, q.selecttype, q.selectcount, q.gradingtype]).toEqual([
      'VERTICAL',
      'ALL',
      '3',
      'RELATIVE_NEXT_EXCLUDE_LAST',
    ]);
    expect(answers(q).map(textOf)).toEqual([
      'The Pentagon announces more interceptors in Alaska',
      'Lavrov meets NATO foreign ministers in Brussels',
      'NATO withdraws from Afghanistan',
    ]);
  });

  test('essay: the guidance is grader information, the lines the response field', () => {
    const q = byIdnumber(questions, 'why-guarantees');
    expect(q.responseformat).toBe('editor');
    expect(q.responsefieldlines).toBe('10');
    expect(textOf(q.graderinfo)).toBe(
      '<ul><li>Russia feared interceptors in Europe could shoot down its <em>strategic</em> missiles.</li><li>The U.S. had changed its plans, but gave no legal guarantee.</li></ul>',
    );
    expect(textOf(q.generalfeedback)).not.toContain('Russia feared');
  });
});

describe('Moodle XML of a quiz', () => {
  test('one category per section under the quiz title, with "/" written "//"', () => {
    const xml = text(
      exportFormats(fixtures.basic.content, {
        formats: ['moodle'],
        quiz: blueprint(fixtures.basic, 'unit-quiz'),
      }),
      'moodle/unit-quiz.xml',
    );
    const categories = moodleQuestions(xml)
      .filter((q) => q['@_type'] === 'category')
      .map((q) => textOf(q.category));
    expect(categories).toEqual([
      '$course$/top/handout/Missile Defense Diplomacy // 2013/Choice questions',
      '$course$/top/handout/Missile Defense Diplomacy // 2013/Short answers',
      '$course$/top/handout/Missile Defense Diplomacy // 2013/Matching and ordering',
      '$course$/top/handout/Missile Defense Diplomacy // 2013/Extended response',
    ]);
  });
});

describe('Moodle XML escaping', () => {
  let questions: Node[];
  let xml: string;
  beforeAll(() => {
    xml = text(
      exportFormats(fixtures.escaping.content, { formats: ['moodle'] }),
      'moodle/question-bank.xml',
    );
    questions = moodleQuestions(xml);
  });

  test('the file is well-formed XML although the bank holds "]]>" and markup', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('Лавров');
    expect(xml).toContain('拉夫罗夫');
  });

  test('prompt, answers and feedback read back exactly, as HTML with the bank’s markup escaped', () => {
    for (const question of fixtures.escaping.content.bank.questions) {
      if (question.type === 'cloze') continue;
      const q = byIdnumber(questions, question.id);
      expect(textOf(q.questiontext), question.id).toBe(toHtml(question.prompt));
      expect(textOf(q.generalfeedback)).toContain(
        'Braces {and} &lt;script&gt; &amp; ]]&gt; in a title: Лавров / 拉夫罗夫',
      );
    }
    const single = byIdnumber(questions, 'esc-single');
    expect(answers(single).map(textOf)).toContain(
      toHtml('a ]]> b <script> & c {x} ~ = # : \\ Лавров'),
    );
    // Moodle renders this HTML: the bank's "<script>" must arrive escaped, never as a tag.
    expect(textOf(single.questiontext)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(textOf(single.questiontext)).not.toContain('<script>');
    expect(textOf(single.generalfeedback)).toContain(
      toHtml('Explained with ]]> <script>alert(1)</script> & {braces} ~ = # : \\ Лавров 拉夫罗夫.'),
    );
  });

  test('short answers are plain text, with "*" made literal for qtype_shortanswer', () => {
    const q = byIdnumber(questions, 'esc-short');
    expect(answers(q).map((a) => shortAnswerLiteral(textOf(a)))).toEqual([
      'Лавров {x} ~ = # : AT&T',
      '拉夫罗夫 a*b <i>',
      '%10% back\\slash',
    ]);
  });

  test('cloze answers with } ~ # \\ " / & < survive Moodle’s parsing, and braces in the text make no blank', () => {
    const one = readMoodleCloze(textOf(byIdnumber(questions, 'esc-cloze-one').questiontext));
    expect(one.blanks).toHaveLength(1);
    expect(one.blanks[0]!.answers.map((a) => shortAnswerLiteral(a.text))).toEqual([
      'Лавров',
      toText('a}b~c#d\\e"f/g&h<i'),
    ]);
    const two = readMoodleCloze(textOf(byIdnumber(questions, 'esc-cloze-two').questiontext));
    expect(two.blanks.map((b) => b.answers.map((a) => a.text))).toEqual([
      ['Лавров'],
      ['拉夫罗夫', '~=#:{}'],
    ]);
    expect(two.blanks.map((b) => b.mark)).toEqual([2, 2]);
    expect(two.rest).toContain('&#123;1:SHORTANSWER:=x&#125;');
  });

  test('matching sides and ordering items keep their characters', () => {
    const subs = (byIdnumber(questions, 'esc-matching').subquestion as Node[]).map((s) => [
      textOf(s),
      textOf((s.answer as Node[])[0]),
    ]);
    expect(subs).toContainEqual([toHtml('Лавров & <script>'), ']]> & <b>']);
    expect(subs).toContainEqual(['', '-> arrow & ~tilde']);
    expect(answers(byIdnumber(questions, 'esc-ordering')).map(textOf)).toEqual([
      'first {1}',
      'second ~ = #',
      toHtml('third Лавров <script>'),
    ]);
  });
});

describe('splitting 100% over several answers', () => {
  test('every count up to 20 splits into Moodle grades that add up to 100', () => {
    for (let n = 1; n <= 20; n++) {
      const split = splitHundred(n)!;
      expect(split, `n=${n}`).toHaveLength(n);
      for (const p of split) expect(ALLOWED.has(p)).toBe(true);
      expect(Math.round(split.reduce((a, b) => a + b, 0) * 100) / 100).toBeCloseTo(100, 1);
    }
  });

  test('equal shares where Moodle has them, two neighbouring grades otherwise, none beyond 20', () => {
    expect(splitHundred(3)).toEqual([33.33333, 33.33333, 33.33333]);
    expect(splitHundred(2)).toEqual([50, 50]);
    expect(splitHundred(11)).toEqual([...Array(9).fill(10), 5, 5]);
    expect(splitHundred(21)).toBeUndefined();
  });
});
