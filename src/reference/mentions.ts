/** Finding where the corpus names a person or a term, so authors need not list it by hand. */
import type { Corpus } from '../corpus/article.js';
import type { PassageRef } from '../corpus/article.js';
import { compareStrings } from '../errors.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The character (code point) that ends just before `index`. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}

/**
 * Whole words only: "NATO" must not match inside "NATOs"-like compounds,
 * "Bush" not "Bushehr". A plain search with a look at both ends, rather
 * than one Unicode pattern per person or term, which cost more to compile
 * than the search itself.
 */
export function containsWord(text: string, word: string): boolean {
  if (word === '') return false;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const after = text.codePointAt(i + word.length);
    if (WORD_CHAR.test(charBefore(text, i))) continue;
    if (after !== undefined && WORD_CHAR.test(String.fromCodePoint(after))) continue;
    return true;
  }
  return false;
}

export function findMentions(words: string[], corpus: Corpus): PassageRef[] {
  if (words.length === 0) return [];
  return corpus.articles.flatMap((article) =>
    article.paragraphs
      .filter((p) => words.some((w) => containsWord(p.text, w)))
      .map((p) => ({
        article: article.id,
        paragraph: p.number,
        ref: `${article.id}#p${p.number}`,
      })),
  );
}

/** Union of ref lists, in corpus order (article id, then paragraph). */
export function unionRefs(...lists: PassageRef[][]): PassageRef[] {
  const byRef = new Map<string, PassageRef>();
  for (const ref of lists.flat()) byRef.set(ref.ref, ref);
  return [...byRef.values()].sort(
    (a, b) => compareStrings(a.article, b.article) || a.paragraph - b.paragraph,
  );
}
