/**
 * The bundled cloze and short-answer items give credit for every wording
 * their paragraph supports, and no credit for a vaguer word that would also
 * fit a wrong answer. Checked through the real bank loader and the same
 * matching rule that grading uses, so a teacher sees these exact results
 * in scores.csv.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/errors.js';
import { loadBank } from '../../src/bank/load.js';
import { clozeBlanks } from '../../src/bank/cloze.js';
import { accepts } from '../../src/grade/score.js';
import { REPO } from '../helpers/project.js';

describe('accepted answers in the bundled bank', async () => {
  const bank = await loadBank(path.join(REPO, 'questions'), new ProblemList());

  /** The accepted answers of one blank (0-based) of a bundled cloze item. */
  const blank = (id: string, index: number): string[] => {
    const question = bank.byId.get(id);
    if (question?.type !== 'cloze') throw new Error(`${id} is not a bundled cloze item`);
    const answers = clozeBlanks(question.text)[index];
    if (!answers) throw new Error(`${id} has no blank ${index + 1}`);
    return answers;
  };

  const shortAnswers = (id: string): string[] => {
    const question = bank.byId.get(id);
    if (question?.type !== 'short') throw new Error(`${id} is not a bundled short-answer item`);
    return [question.answer, ...question.accept];
  };

  it('the ICBM blanks take the same missiles in other words, but not any nuclear missile', () => {
    // "Nuclear missiles" alone takes in short-range ones too (the kind the
    // same report says Russia might send to Kaliningrad), not only ICBMs.
    for (const [id, index] of [
      ['lavrov-2012-cloze-icbm', 2],
      ['cross-cloze-guarantee-words', 2],
    ] as const) {
      const accepted = blank(id, index);
      for (const wording of [
        'ICBMs',
        'intercontinental ballistic missiles',
        'long-range nuclear missiles',
        'strategic missiles',
      ])
        expect(accepts(accepted, wording), `${id}: ${wording}`).toBe(true);
      for (const wording of ['nuclear missiles', 'missiles', 'short-range missiles'])
        expect(accepts(accepted, wording), `${id}: ${wording}`).toBe(false);
    }
  });

  it("Ryabkov's legally binding agreement: binding, guarantee and commitment count, a bare word does not", () => {
    const id = 'ryabkov-2011-cloze-legally-binding';
    expect(accepts(blank(id, 0), 'assurances')).toBe(true);
    expect(accepts(blank(id, 0), 'pledges')).toBe(true);
    expect(accepts(blank(id, 0), 'words')).toBe(false);
    expect(accepts(blank(id, 1), 'legally-binding')).toBe(true);
    expect(accepts(blank(id, 1), 'binding')).toBe(true);
    expect(accepts(blank(id, 2), 'guarantee')).toBe(true);
    expect(accepts(blank(id, 2), 'commitment')).toBe(true);
    expect(accepts(blank(id, 2), 'promise')).toBe(false);
  });

  it('short answers take the names as students write them', () => {
    expect(accepts(shortAnswers('rogozin-2011-urals'), 'Urals')).toBe(true);
    expect(accepts(shortAnswers('rogozin-2011-urals'), 'the Ural mountains.')).toBe(true);
    expect(accepts(shortAnswers('lavrov-2012-camp-david'), 'Camp David, Maryland')).toBe(true);
    expect(accepts(shortAnswers('grushko-2010-cfe-name'), 'Conventional Forces in Europe')).toBe(
      true,
    );
    expect(accepts(shortAnswers('grushko-2010-doctrine-president'), 'Dmitri Medvedev')).toBe(true);
    expect(accepts(shortAnswers('grushko-2010-doctrine-president'), 'Putin')).toBe(false);
  });
});
