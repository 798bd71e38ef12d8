/** Reading cells in the notation of formats.md §5, against the item they answer. */
import { describe, expect, test } from 'vitest';
import { parseNumber, readAnswer } from '../../src/grade/answers.js';
import type { CopyItem } from '../../src/quiz/copy.js';
import { fixtureCopies } from './helpers.js';

async function itemOf(questionId: string): Promise<CopyItem> {
  const copies = await fixtureCopies('grade-all');
  return copies.byVersion.get('A')!.items.find((i) => i.question.id === questionId)!;
}

async function read(questionId: string, cell: string) {
  return readAnswer(await itemOf(questionId), cell);
}

const message = (r: Awaited<ReturnType<typeof read>>) => (r.ok ? undefined : r.message);

describe('readAnswer', () => {
  test('an empty cell is unanswered, whatever the type', async () => {
    for (const id of [
      'g-caption',
      'g-topics',
      'g-cloze-experts',
      'g-who-said',
      'g-article-order',
      'g-essay-guarantees',
    ]) {
      expect(await read(id, '  ')).toEqual({ ok: true, answer: null });
    }
  });

  test('single choice: one letter within the options, any case', async () => {
    expect(await read('g-caption', 'b')).toEqual({
      ok: true,
      answer: { type: 'single', letter: 'B' },
    });
    expect(message(await read('g-caption', 'E'))).toBe(
      '"E" is not an option: this item has options A–D',
    );
    expect(message(await read('g-caption', 'AB'))).toMatch(/takes one answer/);
    expect(message(await read('g-caption', '2'))).toMatch(/not a choice letter/);
  });

  test('several answers: letters in any order, spaces or commas allowed', async () => {
    expect(await read('g-topics', 'd, b')).toEqual({
      ok: true,
      answer: { type: 'multiple', letters: ['B', 'D'] },
    });
    expect(message(await read('g-topics', 'BFG'))).toBe(
      '"F", "G" are not options: this item has options A–E',
    );
  });

  test('true or false: T, F, true or false', async () => {
    expect(await read('g-still-guarantees', 'f')).toEqual({
      ok: true,
      answer: { type: 'true-false', value: false },
    });
    expect(await read('g-still-guarantees', 'TRUE')).toEqual({
      ok: true,
      answer: { type: 'true-false', value: true },
    });
    expect(message(await read('g-still-guarantees', 'yes'))).toMatch(/write T or F/);
  });

  test('numeric: a number, thousands separators only in threes, the unit may follow', () => {
    expect(parseNumber('2014')).toBe(2014);
    expect(parseNumber(' -3.5 ')).toBe(-3.5);
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1,5')).toBeUndefined();
    expect(parseNumber('twelve')).toBeUndefined();
    expect(parseNumber('12 helicopters', 'helicopters')).toBe(12);
  });

  test('cloze: one answer per blank separated by |', async () => {
    expect(await read('g-cloze-experts', 'chemical||experts')).toEqual({
      ok: true,
      answer: { type: 'cloze', blanks: ['chemical', '', 'experts'] },
    });
    expect(message(await read('g-cloze-experts', 'chemical|Syria'))).toMatch(
      /has 2 answers separated by \|, but this item has 3 blanks/,
    );
  });

  test('matching: pairs like "1B 2A 3C", also "1-B, 2-A"', async () => {
    const r = await read('g-who-said', '1-b, 3 D');
    expect(r.ok && r.answer?.type === 'matching' ? [...r.answer.pairs] : r).toEqual([
      [1, 'B'],
      [3, 'D'],
    ]);
    expect(message(await read('g-who-said', '1B 4A 2E'))).toMatch(
      /there is no number 4 \(the item has 1–3\); "E" is not an option \(the item has A–D\)/,
    );
    expect(message(await read('g-who-said', '1B 1C'))).toMatch(/number 1 is matched twice/);
    expect(message(await read('g-who-said', 'B1'))).toMatch(/not a list of pairs/);
  });

  test('ordering: letters in order, each once', async () => {
    expect(await read('g-article-order', 'dcba')).toEqual({
      ok: true,
      answer: { type: 'ordering', letters: ['D', 'C', 'B', 'A'] },
    });
    expect(message(await read('g-article-order', 'ABCE'))).toMatch(
      /"E" is not an item of this ordering/,
    );
    expect(message(await read('g-article-order', 'ABCA'))).toMatch(/"A" appears more than once/);
  });

  test("essay: the points awarded, from 0 to the item's points", async () => {
    expect(await read('g-essay-guarantees', '2.5')).toEqual({
      ok: true,
      answer: { type: 'essay', points: 2.5 },
    });
    expect(message(await read('g-essay-guarantees', '5'))).toBe(
      '"5" is not a mark for this essay: write the points awarded, a number from 0 to 4',
    );
    expect(message(await read('g-essay-guarantees', 'good'))).toMatch(/from 0 to 4/);
  });

  test('short answers take any text', async () => {
    expect(await read('g-where-reporters', ' at NATO HQ ')).toEqual({
      ok: true,
      answer: { type: 'short', text: 'at NATO HQ' },
    });
  });
});
