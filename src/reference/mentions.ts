/** Finding where the corpus names a person or a term, so authors need not list it by hand. */
import type { Corpus } from '../corpus/article.js';
import type { PassageRef } from '../corpus/article.js';
import { compareStrings } from '../errors.js';

function pattern(words: string[]): RegExp {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Whole words only: "NATO" must not match inside "NATOs"-like compounds, "Bush" not "Bushehr".
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

export function findMentions(words: string[], corpus: Corpus): PassageRef[] {
  if (words.length === 0) return [];
  const re = pattern(words);
  return corpus.articles.flatMap((article) =>
    article.paragraphs
      .filter((p) => re.test(p.text))
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
