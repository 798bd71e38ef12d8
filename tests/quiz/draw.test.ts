import { describe, expect, it } from 'vitest';
import { drawStudentCopy, drawVersions } from '../../src/quiz/draw.js';
import type { QuizCopy } from '../../src/quiz/copy.js';
import type { Question } from '../../src/bank/question.js';
import { matchesFilter } from '../../src/quiz/filter.js';
import { stratum } from '../../src/quiz/select.js';
import { keyNotation } from '../../src/quiz/key.js';
import { letterIndex } from '../../src/util/text.js';
import { blueprint, bundled } from './fixtures.js';

const unit = blueprint(`versions: 3
sections:
  - title: Choice
    pick: 12
    from: { types: [single] }
  - title: Mixed
    pick: 6
    from: { types: [true-false, short, numeric, cloze, matching, ordering] }
  - title: Essay
    pick: 1
    from: { types: [essay] }
`);

/** What a student sees: question ids in order, with option letters. */
const layout = (copy: QuizCopy) =>
  copy.items.map((item) => `${item.question.id}=${keyNotation(item.presentation)}`);
const ids = (copy: QuizCopy) => copy.items.map((item) => item.question.id);

describe('draw', () => {
  it('gives identical copies for the same seed', async () => {
    const { bank } = await bundled();
    expect(drawVersions(bank.questions, unit, 42).map(layout)).toEqual(
      drawVersions(bank.questions, unit, 42).map(layout),
    );
  });

  it('gives different quizzes for different seeds', async () => {
    const { bank } = await bundled();
    const a = drawVersions(bank.questions, unit, 1).map(ids);
    const b = drawVersions(bank.questions, unit, 2).map(ids);
    expect(a[0]).not.toEqual(b[0]);
  });

  it('fills every section, never repeats a question and respects the filters', async () => {
    const { bank } = await bundled();
    for (const copy of drawVersions(bank.questions, unit, 7)) {
      expect(copy.sections.map((s) => s.items.length)).toEqual([12, 6, 1]);
      expect(new Set(ids(copy)).size).toBe(copy.items.length);
      copy.sections.forEach((section, i) => {
        for (const item of section.items)
          expect(matchesFilter(item.question, unit.sections[i]!.from)).toBe(true);
      });
      expect(copy.items.map((item) => item.number)).toEqual(copy.items.map((_, i) => i + 1));
    }
  });

  it('vary: order gives every version the same questions in a different order', async () => {
    const { bank } = await bundled();
    const [a, b, c] = drawVersions(bank.questions, unit, 9);
    expect([...ids(b!)].sort()).toEqual([...ids(a!)].sort());
    expect([...ids(c!)].sort()).toEqual([...ids(a!)].sort());
    expect(ids(b!)).not.toEqual(ids(a!));
    expect(layout(b!)).not.toEqual(layout(a!));
  });

  describe('stability', () => {
    const choice = unit.sections[0]!;
    const section = (copy: QuizCopy) =>
      copy.sections[0]!.items.map((i) => `${i.question.id}=${keyNotation(i.presentation)}`);

    it('is unchanged by removing or adding a question the section does not match', async () => {
      const { bank } = await bundled();
      const before = drawVersions(bank.questions, unit, 5).map(section);
      const outside = bank.questions.filter((q) => !matchesFilter(q, choice.from));
      const removed = bank.questions.filter((q) => q !== outside[0]);
      const extra: Question = { ...outside[0]!, id: 'zz-added-essay' };
      expect(drawVersions(removed, unit, 5).map(section)).toEqual(before);
      expect(drawVersions([...bank.questions, extra], unit, 5).map(section)).toEqual(before);
    });

    it('is unchanged by editing a question the section does not match', async () => {
      const { bank } = await bundled();
      const before = drawVersions(bank.questions, unit, 5).map(section);
      const edited = bank.questions.map((q) =>
        matchesFilter(q, choice.from)
          ? q
          : { ...q, prompt: `${q.prompt} (edited)`, difficulty: 3 as const },
      );
      expect(drawVersions(edited, unit, 5).map(section)).toEqual(before);
    });
  });

  describe('answer letters', () => {
    it('are balanced and never four in a row, over many seeds', async () => {
      const { bank } = await bundled();
      for (let seed = 0; seed < 40; seed++) {
        for (const copy of drawVersions(bank.questions, unit, seed)) {
          const singles = copy.items.filter((i) => i.presentation.type === 'single');
          expect(singles.length).toBeGreaterThanOrEqual(10);
          const letters = singles.map((i) => letterIndex(keyNotation(i.presentation)));
          const common = Math.min(
            ...singles.map((i) =>
              i.presentation.type === 'single' ? i.presentation.options.length : 0,
            ),
          );
          const counts = Array.from(
            { length: common },
            (_, l) => letters.filter((x) => x === l).length,
          );
          expect(Math.max(...counts)).toBeLessThanOrEqual(2 * Math.min(...counts));
          for (let i = 3; i < letters.length; i++)
            expect(new Set(letters.slice(i - 3, i + 1)).size).toBeGreaterThan(1);
        }
      }
    });
  });

  describe('vary: questions', () => {
    const varied = blueprint(`versions: 3
vary: questions
sections:
  - title: Choice
    pick: 8
    from: { types: [single, true-false] }
  - title: Short
    pick: 4
    from: { types: [short, cloze] }
`);

    it('draws different questions per version, matched in points and difficulty', async () => {
      const { bank } = await bundled();
      const copies = drawVersions(bank.questions, varied, 3);
      expect(ids(copies[1]!)).not.toEqual(ids(copies[0]!));
      const overlap = ids(copies[1]!).filter((id) => ids(copies[0]!).includes(id));
      expect(overlap.length).toBeLessThan(copies[0]!.items.length / 2);
      for (let s = 0; s < 2; s++) {
        const profile = (copy: QuizCopy) =>
          copy.sections[s]!.items.map((i) => stratum(i.question)).sort();
        for (const copy of copies) expect(profile(copy)).toEqual(profile(copies[0]!));
      }
      const totals = copies.map((c) => c.totalPoints);
      expect(new Set(totals).size).toBe(1);
    });
  });

  describe('student copies', () => {
    it('depend only on the quiz seed and the student id', async () => {
      const { bank } = await bundled();
      const late = { id: 's-late', name: 'Late Student', extra: [] as [string, string][], row: 31 };
      const alone = drawStudentCopy(bank.questions, unit, 11, late);
      const again = drawStudentCopy(bank.questions, unit, 11, { ...late, row: 2, name: 'Renamed' });
      expect(layout(again)).toEqual(layout(alone));
      expect(again.version).toBe(alone.version);
      const other = drawStudentCopy(bank.questions, unit, 11, { ...late, id: 's-other' });
      expect(layout(other)).not.toEqual(layout(alone));
      expect(other.version).not.toBe(alone.version);
    });
  });
});

describe('randomness', () => {
  it('is not consumed by a question with no choice to make: other items keep their layout', async () => {
    const { bank } = await bundled();
    const withTrueFalse = (pick: number) =>
      blueprint(`sections:
  - title: Choice
    pick: 10
    from: { types: [single, matching, ordering] }
  - title: True or false
    pick: ${pick}
    from: { types: [true-false] }
`);
    const layoutOf = (copy: QuizCopy) =>
      copy.sections[0]!.items.map((i) => `${i.question.id}=${keyNotation(i.presentation)}`);
    const one = drawVersions(bank.questions, withTrueFalse(1), 21).map(layoutOf);
    const five = drawVersions(bank.questions, withTrueFalse(5), 21).map(layoutOf);
    expect(five).toEqual(one);
  });
});
