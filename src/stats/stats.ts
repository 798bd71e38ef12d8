/** Coverage and balance of the bank: what a teacher checks before building quizzes. */
import type { Corpus } from '../corpus/article.js';
import type { Bank } from '../bank/load.js';
import { QUESTION_TYPES, type QuestionType } from '../bank/schema.js';
import { compareStrings } from '../errors.js';

export interface ArticleStats {
  id: string;
  title: string;
  questions: number;
  paragraphs: number;
  citedParagraphs: number;
  /** Questions citing each paragraph, index 0 = ¶1. */
  perParagraph: number[];
  uncited: number[];
}

export interface BankStats {
  questions: number;
  points: number;
  articles: ArticleStats[];
  paragraphs: number;
  citedParagraphs: number;
  /** Share of all paragraphs cited by at least one question, 0-1. */
  coverage: number;
  byType: Record<QuestionType, number>;
  byDifficulty: Record<'1' | '2' | '3', number>;
  byTag: { tag: string; questions: number }[];
}

export function bankStats(bank: Bank, corpus: Corpus): BankStats {
  const articles: ArticleStats[] = corpus.articles.map((article) => {
    const perParagraph = article.paragraphs.map(() => 0);
    let questions = 0;
    for (const question of bank.questions) {
      const refs = question.passages.filter((p) => p.article === article.id);
      if (refs.length > 0) questions++;
      for (const paragraph of new Set(refs.map((r) => r.paragraph))) {
        if (paragraph >= 1 && paragraph <= perParagraph.length) perParagraph[paragraph - 1]!++;
      }
    }
    const uncited = perParagraph.flatMap((n, i) => (n === 0 ? [i + 1] : []));
    return {
      id: article.id,
      title: article.title,
      questions,
      paragraphs: perParagraph.length,
      citedParagraphs: perParagraph.length - uncited.length,
      perParagraph,
      uncited,
    };
  });
  const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<
    QuestionType,
    number
  >;
  const byDifficulty = { '1': 0, '2': 0, '3': 0 };
  const tags = new Map<string, number>();
  let points = 0;
  for (const question of bank.questions) {
    byType[question.type]++;
    byDifficulty[String(question.difficulty) as '1' | '2' | '3']++;
    for (const tag of new Set(question.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    points += question.points;
  }
  const paragraphs = articles.reduce((n, a) => n + a.paragraphs, 0);
  const citedParagraphs = articles.reduce((n, a) => n + a.citedParagraphs, 0);
  return {
    questions: bank.questions.length,
    points,
    articles,
    paragraphs,
    citedParagraphs,
    coverage: paragraphs === 0 ? 0 : citedParagraphs / paragraphs,
    byType,
    byDifficulty,
    byTag: [...tags]
      .map(([tag, questions]) => ({ tag, questions }))
      .sort((a, b) => b.questions - a.questions || compareStrings(a.tag, b.tag)),
  };
}
