/**
 * An open-book pack for one quiz copy: exactly the paragraphs its questions
 * cite, under their articles, numbered as the answer key cites them (¶N of
 * the article), so every "see ¶N" in the key can be found in the pack.
 */
import type { Corpus } from '../corpus/article.js';
import { formatPartialDate } from '../corpus/article.js';
import type { QuizCopy } from '../quiz/copy.js';
import { compareStrings } from '../errors.js';
import { anchorOf } from './model.js';

export interface OpenBookModel {
  quizId: string;
  quizTitle: string;
  version: string;
  seed: number;
  passageCount: number;
  articles: {
    id: string;
    title: string;
    outlet: string;
    date: string;
    dateline?: string;
    paragraphs: { number: number; text: string; ref: string; anchor: string }[];
  }[];
}

export function openBookModel(copy: QuizCopy, corpus: Corpus): OpenBookModel {
  const cited = new Map<string, Set<number>>();
  for (const item of copy.items) {
    for (const ref of item.question.passages)
      cited.set(ref.article, (cited.get(ref.article) ?? new Set()).add(ref.paragraph));
  }
  const articles = [...cited.keys()]
    .map((id) => corpus.byId.get(id)!)
    .sort((a, b) => compareStrings(a.published, b.published) || compareStrings(a.id, b.id))
    .map((article) => ({
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      date: formatPartialDate(article.published),
      ...(article.dateline ? { dateline: article.dateline } : {}),
      paragraphs: [...cited.get(article.id)!]
        .sort((a, b) => a - b)
        .map((n) => ({
          number: n,
          text: article.paragraphs[n - 1]?.text ?? '',
          ref: `${article.id}#p${n}`,
          anchor: anchorOf(`${article.id}#p${n}`),
        })),
    }));
  return {
    quizId: copy.quizId,
    quizTitle: copy.title,
    version: copy.version,
    seed: copy.seed,
    passageCount: articles.reduce((n, a) => n + a.paragraphs.length, 0),
    articles,
  };
}
