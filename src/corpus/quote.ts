/**
 * Verbatim quotes: is a quote in the cited paragraphs? Comparison forgives
 * only whitespace and straight/curly quotes (formats.md §2), so a quote
 * that rewords the article is always caught.
 */
import type { Article, Corpus, PassageRef } from './article.js';
import { looseText } from '../util/text.js';

const looseCache = new WeakMap<Article, string[]>();

function looseParagraphs(article: Article): string[] {
  let cached = looseCache.get(article);
  if (!cached) {
    cached = article.paragraphs.map((p) => looseText(p.text));
    looseCache.set(article, cached);
  }
  return cached;
}

/** The loose text of a passage, or undefined if the ref does not resolve. */
export function loosePassage(ref: PassageRef, corpus: Corpus): string | undefined {
  const article = corpus.byId.get(ref.article);
  return article ? looseParagraphs(article)[ref.paragraph - 1] : undefined;
}

/** True if the quote is in one of the passages, or spans them in the order given. */
export function quoteInPassages(quote: string, refs: PassageRef[], corpus: Corpus): boolean {
  const wanted = looseText(quote);
  const texts = refs
    .map((r) => loosePassage(r, corpus))
    .filter((t): t is string => t !== undefined);
  return texts.some((t) => t.includes(wanted)) || texts.join(' ').includes(wanted);
}

/** Where in the corpus a quote does appear, as ARTICLE-ID#pN, for "cite that instead" hints. */
export function findQuote(quote: string, corpus: Corpus): string | undefined {
  const wanted = looseText(quote);
  for (const article of corpus.articles) {
    const index = looseParagraphs(article).findIndex((text) => text.includes(wanted));
    if (index >= 0) return `${article.id}#p${index + 1}`;
  }
  return undefined;
}

/** Checks a ref against the corpus; returns the problem (code and message tail) or undefined. */
export function refProblem(
  ref: PassageRef,
  corpus: Corpus,
  didYouMean: (word: string, candidates: Iterable<string>) => string,
): { code: 'unknown-article' | 'paragraph-out-of-range'; message: string } | undefined {
  const article = corpus.byId.get(ref.article);
  if (!article) {
    return {
      code: 'unknown-article',
      message: `cites ${ref.ref}, but there is no article "${ref.article}" in corpus/${didYouMean(ref.article, corpus.byId.keys())}; use the id from an article's front matter`,
    };
  }
  const count = article.paragraphs.length;
  if (ref.paragraph < 1 || ref.paragraph > count) {
    return {
      code: 'paragraph-out-of-range',
      message: `cites ${ref.ref}, but ${article.id} has ${count} paragraph${count === 1 ? '' : 's'}; cite a number from 1 to ${count}`,
    };
  }
  return undefined;
}

export function parseRef(ref: string): PassageRef {
  const [article = '', paragraph = '0'] = ref.split('#p');
  return { article, paragraph: Number(paragraph), ref };
}
