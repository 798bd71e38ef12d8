import { beforeAll, describe, expect, test } from 'vitest';
import {
  parse,
  type GIFTQuestion,
  type Matching,
  type MultipleChoice,
  type Numerical,
  type ShortAnswer,
  type TrueFalse,
} from 'gift-pegjs';
import { exportFormats } from '../../src/export/index.js';
import { feedbackHtml, sourceNote } from '../../src/export/feedback.js';
import { toHtml, toText } from '../../src/export/text.js';
import type { ExportResult } from '../../src/export/types.js';
import { blueprint, text, useFixtures } from './helpers.js';

const fixtures = useFixtures();

function giftOf(result: ExportResult): GIFTQuestion[] {
  return parse(text(result, '.txt'));
}

type Question = Exclude<GIFTQuestion, { type: 'Category' | 'Description' }>;

/**
 * gift-pegjs decodes escapes everywhere except in the right side of a
 * matching pair, where it leaves its own placeholders ("&&126;"); Moodle
 * decodes them there too (escapedchar_post), so the test does the same.
 */
function subanswer(text: string): string {
  const placeholders: Record<string, string> = {
    '092': '\\',
    '058': ':',
    '035': '#',
    '061': '=',
    '123': '{',
    '125': '}',
    '126': '~',
  };
  return text.replace(/&&(\d{3});/g, (whole, code: string) => placeholders[code] ?? whole);
}

function byId(questions: GIFTQuestion[], id: string): Question {
  const found = questions.find(
    (q) => q.type !== 'Category' && q.type !== 'Description' && q.title === id,
  );
  if (!found || found.type === 'Category' || found.type === 'Description')
    throw new Error(`no GIFT question titled ${id}`);
  return found;
}

describe('GIFT of the whole bank, read back with gift-pegjs', () => {
  let gift: GIFTQuestion[];
  let result: ExportResult;
  beforeAll(() => {
    result = exportFormats(fixtures.basic.content, { formats: ['gift'] });
    gift = giftOf(result);
  });

  test('a category line, then every question GIFT can express, titled and tagged with its id', () => {
    expect(gift[0]).toEqual({
      type: 'Category',
      title:
        '$course$/top/handout/Russia Studying U.S. Missile Defense Plans, Still Wants Guarantees',
    });
    const written = gift.filter((q) => q.type !== 'Category');
    const expected = fixtures.basic.content.bank.questions.filter(
      (q) => q.type !== 'ordering' && q.id !== 'caption-cloze',
    );
    expect(written.map((q) => [q.id, (q as Question).title]).sort()).toEqual(
      expected.map((q) => [q.id, q.id]).sort(),
    );
    expect(byId(gift, 'topics-discussed').tags).toEqual(['nato-russia', 'syria']);
  });

  test('ordering and cloze with several blanks are left out, with one warning each naming them', () => {
    const messages = result.warnings.map((w) => [w.ids, w.message]);
    expect(messages).toContainEqual([
      ['order-of-events'],
      expect.stringContaining('order-of-events'),
    ]);
    expect(messages).toContainEqual([['caption-cloze'], expect.stringContaining('caption-cloze')]);
  });

  test('questions worth more than 1 point are named, since GIFT has no points', () => {
    const warning = result.warnings.find((w) => w.message.includes('points'));
    expect(warning?.ids.sort()).toEqual([
      'interceptor-count',
      'topics-discussed',
      'who-said-what',
      'why-guarantees',
    ]);
  });

  test('single choice: the answer is the one correct choice', () => {
    const q = byId(gift, 'caption-officials') as MultipleChoice;
    expect(q.type).toBe('MC');
    expect(q.stem).toEqual({
      format: 'html',
      text: 'The photo caption shows which <em>two</em> officials talking?',
    });
    expect(q.choices.filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual([
      'John Kerry and Sergei Lavrov',
    ]);
    expect(q.choices).toHaveLength(4);
  });

  test('multiple answers: weights share +100 over the right answers and −100 over the wrong ones', () => {
    const q = byId(gift, 'topics-discussed') as MultipleChoice;
    const weights = q.choices.map((c) => [c.text.text, c.weight]);
    expect(weights).toEqual([
      ['The situation in Syria', 33.33333],
      ["NATO's planned withdrawal from Afghanistan", 33.33333],
      ['Missile defense', 33.33333],
      ['Trade sanctions on Iran', -50],
      ['A new arms treaty with China', -50],
    ]);
  });

  test('true/false, short answer and numeric', () => {
    expect((byId(gift, 'guarantees-dropped') as TrueFalse).isTrue).toBe(false);
    const short = byId(gift, 'where-he-spoke') as ShortAnswer;
    expect(short.type).toBe('Short');
    expect(short.choices.map((c) => c.text.text)).toEqual([
      'Brussels',
      'Brussels, Belgium',
      'NATO headquarters in Brussels',
    ]);
    const numeric = byId(gift, 'interceptor-count') as Numerical;
    expect(numeric.choices).toEqual({ type: 'range', number: 1, range: 0.5 });
    expect(numeric.stem.text).toContain('(months)');
  });

  test('matching keeps its distractor as a pair without a left side (Moodle’s form)', () => {
    const q = byId(gift, 'who-said-what') as Matching;
    expect(q.matchPairs.map((p) => [p.subquestion.text, p.subanswer])).toEqual([
      ['Rasmussen', 'the alliance is extremely concerned'],
      ['Lavrov', 'Moscow still wants guarantees'],
      ['Rasmussen (on Afghanistan)', 'We will not walk away'],
      ['', 'Russia will leave the treaty'],
    ]);
  });

  test('a one-blank cloze is a missing-word question with its answer in place', () => {
    const q = byId(gift, 'one-blank-cloze') as ShortAnswer;
    expect(q.hasEmbeddedAnswers).toBe(true);
    expect(q.choices.map((c) => c.text.text)).toEqual(['2014']);
    expect(q.stem.text).toContain('NATO planned to withdraw from Afghanistan in _____');
  });

  test('essay: the guidance and the source are in the general feedback', () => {
    const q = byId(gift, 'why-guarantees');
    expect(q.type).toBe('Essay');
    expect(q.globalFeedback?.text).toContain('A good answer makes these points:');
    expect(q.globalFeedback?.text).toContain('<em>strategic</em>');
  });

  test('every question’s general feedback is the explanation, the citation and the evidence', () => {
    for (const question of fixtures.basic.content.bank.questions) {
      if (question.type === 'ordering' || question.id === 'caption-cloze') continue;
      expect(byId(gift, question.id).globalFeedback?.text, question.id).toBe(
        feedbackHtml(sourceNote(question, fixtures.basic.content.corpus), true),
      );
    }
  });
});

describe('GIFT of a quiz', () => {
  test('one $CATEGORY per section', () => {
    const gift = giftOf(
      exportFormats(fixtures.basic.content, {
        formats: ['gift'],
        quiz: blueprint(fixtures.basic, 'unit-quiz'),
      }),
    );
    expect(gift.filter((q) => q.type === 'Category').map((q) => q.title)).toEqual([
      '$course$/top/handout/Missile Defense Diplomacy // 2013/Choice questions',
      '$course$/top/handout/Missile Defense Diplomacy // 2013/Short answers',
      '$course$/top/handout/Missile Defense Diplomacy // 2013/Matching and ordering',
      '$course$/top/handout/Missile Defense Diplomacy // 2013/Extended response',
    ]);
  });
});

describe('GIFT escaping', () => {
  let gift: GIFTQuestion[];
  let source: string;
  beforeAll(() => {
    const result = exportFormats(fixtures.escaping.content, { formats: ['gift'] });
    source = text(result, '.txt');
    gift = giftOf(result);
  });

  test('~ = # { } : and \\ in bank text never leave their field', () => {
    for (const question of fixtures.escaping.content.bank.questions) {
      if (
        question.type === 'ordering' ||
        question.id === 'esc-cloze-two' ||
        question.type === 'cloze'
      )
        continue;
      const q = byId(gift, question.id);
      const prompt =
        question.type === 'numeric'
          ? `${toHtml(question.prompt)} (${toHtml(question.unit!)})`
          : toHtml(question.prompt);
      expect(q.stem.text, question.id).toBe(prompt);
      expect(q.globalFeedback?.text, question.id).toBe(
        feedbackHtml(sourceNote(question, fixtures.escaping.content.corpus), true),
      );
    }
  });

  test('choices, typed answers and matching sides read back exactly', () => {
    const single = byId(gift, 'esc-single') as MultipleChoice;
    expect(single.choices.map((c) => [c.isCorrect, c.text.text])).toEqual([
      [true, toHtml('a ]]> b <script> & c {x} ~ = # : \\ Лавров')],
      [false, '&#37;50% of {braces}'],
      [false, toHtml('[bracket] -> arrow 拉夫罗夫')],
      [false, toHtml('= equals first')],
    ]);
    expect(single.choices.map((c) => c.weight)).toEqual([null, null, null, null]);
    const short = byId(gift, 'esc-short') as ShortAnswer;
    expect(short.choices.map((c) => c.text.text)).toEqual([
      'Лавров {x} ~ = # : AT&T',
      '拉夫罗夫 a*b <i>',
      '%10% back\\slash',
    ]);
    const matching = byId(gift, 'esc-matching') as Matching;
    expect(matching.matchPairs.map((p) => [p.subquestion.text, subanswer(p.subanswer)])).toEqual([
      [toHtml('a -> b {x}'), 'c ~ = # : 拉夫罗夫'],
      [toHtml('Лавров & <script>'), ']]> & <b>'],
      [toHtml('#hash: = ~'), '{braces}'],
      ['', '-> arrow & ~tilde'],
    ]);
  });

  test('a one-blank cloze keeps its special answer', () => {
    const q = byId(gift, 'esc-cloze-one') as ShortAnswer;
    expect(q.choices.map((c) => c.text.text)).toEqual(['Лавров', toText('a}b~c#d\\e"f/g&h<i')]);
  });

  test('bank markup is escaped HTML, never a tag', () => {
    expect(source).not.toContain('<script>');
    expect(source).toContain('&lt;script&gt;');
  });
});
