import { beforeAll, describe, expect, test } from 'vitest';
import { exportFormats } from '../../src/export/index.js';
import { toText } from '../../src/export/text.js';
import { multipleCredit } from '../../src/grade/score.js';
import {
  amcMultipleScore,
  amcPlainText,
  readAmc,
  type AmcQuestion,
  type AmcSource,
} from './amc-reader.js';
import { blueprint, text, withSections, useFixtures } from './helpers.js';

const fixtures = useFixtures();

function question(source: AmcSource, id: string): AmcQuestion {
  const found = source.groups.flatMap((g) => g.questions).find((q) => q.options.id === id);
  if (!found) throw new Error(`no AMC question ${id}`);
  return found;
}

describe('AMC-TXT of a quiz', () => {
  let amc: AmcSource;
  let raw: string;
  let warnings: string[][];
  beforeAll(() => {
    const result = exportFormats(fixtures.basic.content, {
      formats: ['amc'],
      quiz: blueprint(fixtures.basic, 'unit-quiz'),
    });
    raw = text(result, 'amc/unit-quiz.txt');
    amc = readAmc(raw);
    warnings = result.warnings.map((w) => w.ids);
  });

  test('AMC reads it without errors: header options, then the choice questions', () => {
    expect(amc.errors).toEqual([]);
    expect(amcPlainText(amc.options.title!)).toBe('Missile Defense Diplomacy / 2013');
    expect(amcPlainText(amc.options.presentation!)).toBe(
      'Answer every question. Cite the article where asked.',
    );
    expect(amc.options.disable).toBe('verbatim images embf title');
  });

  test('the choice section is a group from which AMC draws the blueprint’s pick', () => {
    expect(amc.groups.map((g) => [amcPlainText(g.header), g.options.numquestions])).toEqual([
      ['Choice questions', '3'],
    ]);
  });

  test('only single and multiple choice questions are carried; the others are named in a warning', () => {
    const ids = amc.groups.flatMap((g) => g.questions.map((q) => q.options.id)).sort();
    expect(ids).toEqual(['caption-officials', 'fixed-order-choice', 'topics-discussed']);
    expect(warnings).toContainEqual(
      expect.arrayContaining(['guarantees-dropped', 'why-guarantees', 'order-of-events']),
    );
  });

  test('a correct box is "+", a wrong one "-", and "**" allows several', () => {
    const single = question(amc, 'caption-officials');
    expect(single.multiple).toBe(false);
    expect(single.answers.filter((a) => a.correct).map((a) => amcPlainText(a.text))).toEqual([
      'John Kerry and Sergei Lavrov',
    ]);
    expect(single.scoring).toBe('b=1');
    const multiple = question(amc, 'topics-discussed');
    expect(multiple.multiple).toBe(true);
    expect(multiple.answers.map((a) => [a.correct, amcPlainText(a.text)])).toEqual([
      [true, 'The situation in Syria'],
      [true, "NATO's planned withdrawal from Afghanistan"],
      [true, 'Missile defense'],
      [false, 'Trade sanctions on Iran'],
      [false, 'A new arms treaty with China'],
    ]);
  });

  test('AMC marks a multiple question as handout grade does, for every way of ticking the boxes', () => {
    const multiple = question(amc, 'topics-discussed');
    const points = fixtures.basic.content.bank.byId.get('topics-discussed')!.points;
    const letters = multiple.answers.map((_, i) => String.fromCharCode(65 + i));
    const correct = letters.filter((_, i) => multiple.answers[i]!.correct);
    for (let mask = 0; mask < 1 << letters.length; mask++) {
      const ticked = new Set(letters.flatMap((_, i) => (mask & (1 << i) ? [i] : [])));
      const chosen = [...ticked].map((i) => letters[i]!);
      const handout = multipleCredit(chosen, correct, letters.length) * points;
      expect(amcMultipleScore(multiple, ticked), chosen.join('') || 'none').toBeCloseTo(handout, 9);
    }
  });

  test('a fixed order stays fixed ("ordered"), emphasis becomes LaTeX', () => {
    expect(question(amc, 'fixed-order-choice').options.ordered).toBe('1');
    expect(question(amc, 'caption-officials').options.ordered).toBeUndefined();
    expect(question(amc, 'caption-officials').text).toContain('[[\\emph{]]two[[}]]');
  });

  test('the source of each question is in the comments above it', () => {
    expect(raw).toMatch(
      /# Source: “Russia Studying U\.S\. Missile Defense Plans, Still Wants Guarantees,” Radio Free Europe\/Radio Liberty, 23 Apr 2013, ¶1\n# Evidence: “U\.S\. Secretary of State John Kerry \(left\) talks with Russian Foreign Minister Sergei Lavrov”\n\*\[id=caption-officials\]/,
    );
  });
});

describe('AMC-TXT escaping', () => {
  let amc: AmcSource;
  beforeAll(() => {
    amc = readAmc(
      text(exportFormats(fixtures.escaping.content, { formats: ['amc'] }), 'amc/question-bank.txt'),
    );
  });

  test('bank text starting with "[" or "{" or holding "[[" is never read as options, scoring or LaTeX', () => {
    expect(amc.errors).toEqual([]);
    const single = question(amc, 'esc-single');
    expect(amcPlainText(single.text)).toBe(
      toText(fixtures.escaping.content.bank.byId.get('esc-single')!.prompt),
    );
    expect(single.answers.map((a) => [a.correct, a.letter, amcPlainText(a.text)])).toEqual([
      [true, undefined, 'a ]]> b <script> & c {x} ~ = # : \\ Лавров'],
      [false, undefined, '%50% of {braces}'],
      [false, undefined, '[bracket] -> arrow 拉夫罗夫'],
      [false, undefined, '= equals first'],
    ]);
    const multiple = question(amc, 'esc-multiple');
    expect(multiple.answers.map((a) => [a.correct, a.scoring, amcPlainText(a.text)])).toEqual([
      [true, 'b=1/2,m=0', '{braces}'],
      [true, 'b=1/2,m=0', '~tildes~ = #hash: colons'],
      [false, 'b=0,m=-1/3', '<script>alert(1)</script>'],
      [false, 'b=0,m=-1/3', ']]>'],
      [false, 'b=0,m=-1/3', '拉夫罗夫 & Лавров'],
    ]);
  });

  test('the source comments keep every character and stay on their own lines', () => {
    expect(amc.comments).toContain(
      '# Source: “Braces {and} <script> & ]]> in a title: Лавров / 拉夫罗夫,” Test & Co. <Outlet>, 23 Apr 2013, ¶1',
    );
    expect(amc.comments).toContain(
      '# Explanation: Explained with ]]> <script>alert(1)</script> & {braces} ~ = # : \\ Лавров 拉夫罗夫.',
    );
  });

  test('titles with brackets and non-Latin text survive', () => {
    expect(amc.groups.map((g) => amcPlainText(g.header))).toEqual([
      'Braces {and} <script> & ]]> in a title: Лавров / 拉夫罗夫',
    ]);
  });
});

describe('AMC-TXT groups that lose questions', () => {
  test('a section whose pick needs other types draws only what AMC has, and says which are missing', () => {
    const quiz = withSections(blueprint(fixtures.basic, 'unit-quiz'), [
      { title: 'Mixed', pick: 3, from: { types: ['single', 'true-false'] } },
    ]);
    const result = exportFormats(fixtures.basic.content, { formats: ['amc'], quiz });
    expect(
      readAmc(text(result, 'amc/unit-quiz.txt')).groups.map((g) => g.options.numquestions),
    ).toEqual(['2']);
    expect(result.warnings.find((w) => w.message.includes('picks 3'))?.ids).toEqual([
      'guarantees-dropped',
    ]);
  });
});
