/**
 * JSON for other programs: every question with its type's own fields (as
 * written in the bank, Markdown included), its citations and evidence,
 * and for a built quiz the answer keys (one record per copy and item, as in
 * the CSV). Keys are written in a fixed order and files end with a newline,
 * so the same input gives the same bytes.
 */
import type { Question } from '../bank/question.js';
import { clozeBlanks } from '../bank/cloze.js';
import type { Corpus } from '../corpus/article.js';
import { citation } from '../corpus/citation.js';
import { keyRows } from './rows.js';
import type { ExportInput, ExportResult } from './types.js';

export const JSON_FORMAT_VERSION = 1;

/** The fields only some types have, in the bank's own words. */
function typeFields(question: Question): Record<string, unknown> {
  switch (question.type) {
    case 'single':
      return {
        answer: question.answer,
        distractors: question.distractors,
        fixedOrder: question.fixedOrder,
      };
    case 'multiple':
      return {
        answers: question.answers,
        distractors: question.distractors,
        fixedOrder: question.fixedOrder,
      };
    case 'true-false':
      return { answer: question.answer };
    case 'short':
      return { answer: question.answer, accept: question.accept };
    case 'numeric':
      return {
        answer: question.answer,
        tolerance: question.tolerance,
        unit: question.unit ?? null,
      };
    case 'cloze':
      return { text: question.text, blanks: clozeBlanks(question.text) };
    case 'matching':
      return {
        pairs: question.pairs.map((p) => ({ left: p.left, right: p.right })),
        distractors: question.distractors,
      };
    case 'ordering':
      return { items: question.items };
    case 'essay':
      return { guidance: question.guidance, lines: question.lines };
  }
}

function questionJson(question: Question, group: string, corpus: Corpus): Record<string, unknown> {
  return {
    id: question.id,
    type: question.type,
    group,
    prompt: question.prompt,
    ...typeFields(question),
    passages: question.passages.map((p) => p.ref),
    citations: question.passages.map((ref) => {
      const c = citation(ref, corpus);
      return {
        ref: c.ref,
        article: c.articleId,
        title: c.title,
        outlet: c.outlet,
        date: c.date,
        paragraph: c.paragraph,
      };
    }),
    evidence: question.evidence,
    explanation: question.explanation ?? null,
    difficulty: question.difficulty,
    tags: question.tags,
    points: question.points,
  };
}

export function exportJson(input: ExportInput): ExportResult {
  const quiz = input.quiz;
  const document = {
    format: quiz ? 'handout-quiz' : 'handout-questions',
    version: JSON_FORMAT_VERSION,
    name: input.name,
    title: input.title,
    ...(quiz
      ? {
          quiz: {
            id: quiz.blueprint.id,
            seed: quiz.seed,
            versions: quiz.blueprint.versions,
            vary: quiz.blueprint.vary,
          },
        }
      : {}),
    groups: input.groups.map((g) => ({
      title: g.title,
      pick: g.pick ?? null,
      questions: g.questions.map((q) => q.id),
    })),
    questions: input.groups.flatMap((g) =>
      g.questions.map((q) => questionJson(q, g.title, input.corpus)),
    ),
    ...(quiz ? { keys: keyRows(quiz, input.corpus) } : {}),
  };
  return {
    files: [{ path: `json/${input.name}.json`, data: `${JSON.stringify(document, null, 2)}\n` }],
    warnings: [],
  };
}
