/** Checks that every question cites passages that exist and quotes them verbatim. */
import type { Article, Corpus } from '../corpus/article.js';
import type { ProblemList } from '../errors.js';
import type { Bank, Citing } from '../bank/load.js';
import { didYouMean, looseText, plural } from '../util/text.js';

export function checkPassages(bank: Bank, corpus: Corpus, problems: ProblemList): void {
  const looseParagraphs = new Map<Article, string[]>();
  const loose = (article: Article): string[] => {
    let cached = looseParagraphs.get(article);
    if (!cached) {
      cached = article.paragraphs.map((p) => looseText(p.text));
      looseParagraphs.set(article, cached);
    }
    return cached;
  };
  for (const question of [...bank.questions, ...bank.incomplete]) {
    const cited: string[] = [];
    let allResolved = true;
    const seen = new Set<string>();
    question.passages.forEach((ref, i) => {
      const at = bank.locate(question.id, question.passages.length > 1 ? ['passages', i] : ['passages']);
      if (seen.has(ref.ref)) problems.warning(at, 'duplicate-passage', `question "${question.id}" cites ${ref.ref} twice; remove the repeat`, question.id);
      seen.add(ref.ref);
      const article = corpus.byId.get(ref.article);
      if (!article) {
        allResolved = false;
        problems.error(
          at,
          'unknown-article',
          `question "${question.id}" cites ${ref.ref}, but there is no article "${ref.article}" in corpus/${didYouMean(ref.article, corpus.byId.keys())}; use the id from an article's front matter`,
          question.id,
        );
        return;
      }
      const text = loose(article)[ref.paragraph - 1];
      if (text === undefined) {
        allResolved = false;
        problems.error(
          at,
          'paragraph-out-of-range',
          `question "${question.id}" cites ${ref.ref}, but ${article.id} has ${plural(article.paragraphs.length, 'paragraph')}; cite a number from 1 to ${article.paragraphs.length}`,
          question.id,
        );
        return;
      }
      cited.push(text);
    });
    if (allResolved) checkEvidence(question, cited, bank, corpus, loose, problems);
  }
}

function checkEvidence(
  question: Citing,
  cited: string[],
  bank: Bank,
  corpus: Corpus,
  loose: (a: Article) => string[],
  problems: ProblemList,
): void {
  const joined = cited.join(' ');
  question.evidence.forEach((quote, i) => {
    const wanted = looseText(quote);
    if (cited.some((text) => text.includes(wanted)) || joined.includes(wanted)) return;
    const at = bank.locate(question.id, question.evidence.length > 1 ? ['evidence', i] : ['evidence']);
    const elsewhere = findElsewhere(wanted, corpus, loose);
    const refs = question.passages.map((p) => p.ref).join(', ');
    const hint = elsewhere
      ? `it is in ${elsewhere}: cite that passage or quote from ${refs}`
      : 'copy the words exactly from the article (only spacing and quote marks may differ)';
    problems.error(at, 'evidence-not-found', `the evidence of question "${question.id}" ("${shorten(quote)}") is not in ${refs}; ${hint}`, question.id);
  });
}

function findElsewhere(wanted: string, corpus: Corpus, loose: (a: Article) => string[]): string | undefined {
  for (const article of corpus.articles) {
    const index = loose(article).findIndex((text) => text.includes(wanted));
    if (index >= 0) return `${article.id}#p${index + 1}`;
  }
  return undefined;
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
