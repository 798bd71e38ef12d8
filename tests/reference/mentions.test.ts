/** Finding names in the corpus: whole words only, as the old Unicode pattern did. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containsWord } from '../../src/reference/mentions.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { ProblemList } from '../../src/errors.js';
import { REPO } from '../helpers/project.js';

/** The rule as a single pattern: what containsWord must agree with. */
const pattern = (word: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'u',
  );

describe('whole-word mentions', () => {
  it('matches names only as whole words', () => {
    expect(containsWord('NATO said', 'NATO')).toBe(true);
    expect(containsWord('the NATOs', 'NATO')).toBe(false);
    expect(containsWord('Bushehr plant; Bush.', 'Bush')).toBe(true);
    expect(containsWord('Bushehr plant', 'Bush')).toBe(false);
    expect(containsWord('Lavrov’s view', 'Lavrov')).toBe(true);
    expect(containsWord('2013a', '2013')).toBe(false);
    expect(containsWord('𝐀Lavrov', 'Lavrov')).toBe(false); // a letter outside the BMP
    expect(containsWord('anything', '')).toBe(false);
  });

  it('agrees with the Unicode pattern on every word of the bundled corpus', async () => {
    const corpus = await loadCorpus(path.join(REPO, 'corpus'), new ProblemList());
    const texts = corpus.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    const words = [...new Set(texts.join(' ').split(/[^\p{L}\p{N}]+/u))].filter((w) => w);
    for (const word of [...words.slice(0, 150), 'U.S.', 'New START', 'Sergei Lavrov'])
      for (const text of texts)
        expect(containsWord(text, word), `${word} in ${text.slice(0, 30)}`).toBe(
          pattern(word).test(text),
        );
  });
});
