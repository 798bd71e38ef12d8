/** Comparing answers: the quick path for plain ASCII agrees with the Unicode one. */
import { describe, expect, it } from 'vitest';
import { answerKey, editDistance, withinEditDistance } from '../../src/util/text.js';

const unicodeKey = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('answer keys', () => {
  it('treat every printable ASCII character as the Unicode classes do', () => {
    for (let code = 0; code < 128; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      expect(answerKey(text), `code ${code}`).toBe(unicodeKey(text));
    }
    expect(answerKey("  New START's   limits!  ")).toBe('new start s limits');
    expect(answerKey('“Legally binding”')).toBe('legally binding');
  });
});

describe('edit distance within a limit', () => {
  it('agrees with the full distance', () => {
    const words = [
      'defence',
      'defense',
      'offence',
      'Rogozin',
      'Rogozine',
      '',
      'a',
      'missile defence',
    ];
    for (const a of words)
      for (const b of words)
        for (const limit of [0, 1, 2])
          expect(withinEditDistance(a, b, limit), `${a}/${b}/${limit}`).toBe(
            editDistance(a, b) <= limit,
          );
  });
});
