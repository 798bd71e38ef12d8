/**
 * The bank browser: every question as a student sees it, with its key,
 * evidence and the paragraphs it cites (evidence marked), filtered by
 * article, type, tag and difficulty; and each article's paragraphs with
 * the questions that cite them, so a teacher sees which ¶ no question
 * covers. Text goes to the templates as plain strings: Nunjucks escapes it.
 */
import path from 'node:path';
import type { Content } from '../content.js';
import type { Article } from '../corpus/article.js';
import { citationLines } from '../corpus/citation.js';
import { TYPE_LABELS, type Question } from '../bank/question.js';
import { QUESTION_TYPES } from '../bank/schema.js';
import { present } from '../quiz/present.js';
import { keyNotation } from '../quiz/key.js';
import { deriveSeed, random } from '../quiz/seed.js';
import { bankStats } from '../stats/stats.js';
import { compareStrings } from '../errors.js';

export interface BankFilters {
  article: string;
  type: string;
  tag: string;
  difficulty: string;
}

export function bankFilters(query: URLSearchParams): BankFilters {
  return {
    article: query.get('article') ?? '',
    type: query.get('type') ?? '',
    tag: query.get('tag') ?? '',
    difficulty: query.get('difficulty') ?? '',
  };
}

/** A stretch of paragraph text, marked when it is quoted as evidence. */
export interface TextPiece {
  text: string;
  mark: boolean;
}

function matches(question: Question, filters: BankFilters): boolean {
  return (
    (!filters.article || question.passages.some((p) => p.article === filters.article)) &&
    (!filters.type || question.type === filters.type) &&
    (!filters.tag || question.tags.includes(filters.tag)) &&
    (!filters.difficulty || String(question.difficulty) === filters.difficulty)
  );
}

export function bankView(content: Content, filters: BankFilters) {
  const { corpus, bank } = content;
  const stats = bankStats(bank, corpus);
  const shown = bank.questions.filter((q) => matches(q, filters));
  return {
    filters,
    total: bank.questions.length,
    options: {
      articles: corpus.articles.map((a) => ({ value: a.id, label: a.title })),
      types: QUESTION_TYPES.filter((t) => stats.byType[t] > 0).map((t) => ({
        value: t,
        label: TYPE_LABELS[t],
      })),
      tags: [...stats.byTag]
        .sort((a, b) => compareStrings(a.tag, b.tag))
        .map((t) => ({ value: t.tag, label: `${t.tag} (${t.questions})` })),
      difficulties: ['1', '2', '3'].map((d) => ({ value: d, label: d })),
    },
    coverage: stats.articles.map((a) => ({
      id: a.id,
      title: a.title,
      questions: a.questions,
      paragraphs: a.paragraphs,
      cited: a.citedParagraphs,
      uncited: a.uncited,
    })),
    questions: shown.map((question, index) => questionCard(question, index + 1, content)),
  };
}

function questionCard(question: Question, number: number, content: Content) {
  // One fixed layout per question (its own seed), as on a printed copy.
  const presentation = present(question, random(deriveSeed('preview', question.id)));
  return {
    id: question.id,
    type_label: TYPE_LABELS[question.type],
    difficulty: question.difficulty,
    tags: question.tags,
    where: `${path.relative(content.project.root, question.source.file).split(path.sep).join('/')}:${question.source.line ?? 1}`,
    item: { number, question, points: question.points, presentation, blank_widths: [] },
    key: keyNotation(presentation),
    correct: 'options' in presentation ? presentation.options.filter((o) => o.correct) : [],
    explanation: question.explanation,
    evidence: question.evidence,
    sources: citationLines(question.passages, content.corpus),
    passages: question.passages.map((ref) => {
      const article = content.corpus.byId.get(ref.article)!;
      return {
        ref: ref.ref,
        article: article.id,
        title: article.title,
        paragraph: ref.paragraph,
        pieces: markQuotes(article.paragraphs[ref.paragraph - 1]?.text ?? '', question.evidence),
      };
    }),
  };
}

/** One article's paragraphs with the questions citing each, their evidence marked. */
export function articleView(content: Content, article: Article) {
  const citing = article.paragraphs.map(() => [] as Question[]);
  for (const question of content.bank.questions)
    for (const ref of question.passages)
      if (ref.article === article.id) citing[ref.paragraph - 1]?.push(question);
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    published: article.published,
    file: path.relative(content.project.root, article.file).split(path.sep).join('/'),
    uncited: citing.filter((qs) => qs.length === 0).length,
    paragraphs: article.paragraphs.map((paragraph, i) => {
      const questions = [...new Set(citing[i])];
      return {
        number: paragraph.number,
        line: paragraph.line,
        questions: questions.map((q) => q.id),
        pieces: markQuotes(
          paragraph.text,
          questions.flatMap((q) => q.evidence),
        ),
      };
    }),
  };
}

/**
 * Splits a paragraph into marked and unmarked pieces. Quotes are found as
 * lint finds them: forgiving only whitespace and straight or curly quotes.
 */
export function markQuotes(text: string, quotes: readonly string[]): TextPiece[] {
  const ranges: [number, number][] = [];
  for (const quote of quotes) {
    const pattern = loosePattern(quote);
    if (!pattern) continue;
    for (const match of text.matchAll(pattern))
      ranges.push([match.index, match.index + match[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), mark: false });
    pieces.push({ text: text.slice(Math.max(start, at), end), mark: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: false });
  return pieces;
}

function loosePattern(quote: string): RegExp | undefined {
  const words = quote.trim();
  if (!words) return undefined;
  const source = [...words]
    .map((c) =>
      /\s/.test(c)
        ? '\\s+'
        : /["“”]/.test(c)
          ? '["“”]'
          : /['‘’]/.test(c)
            ? "['‘’]"
            : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
    )
    .join('')
    .replace(/(\\s\+)+/g, '\\s+');
  return new RegExp(source, 'gu');
}
