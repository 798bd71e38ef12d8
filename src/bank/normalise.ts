/**
 * A question as handout works with it, from its YAML fields once they have
 * passed their schema: the file's and handout's defaults applied, fields
 * renamed (fixed_order → fixedOrder), single values made lists. A new
 * question type adds its case here.
 */
import type { SourceLocation } from '../errors.js';
import { parseRef } from '../corpus/quote.js';
import type {
  ClozeInput,
  DefaultsInput,
  EssayInput,
  MatchingInput,
  MultipleInput,
  NumericInput,
  OrderingInput,
  ShortInput,
  SingleInput,
  TrueFalseInput,
} from './schema.js';
import {
  DEFAULT_CLOZE_PROMPT,
  DEFAULT_DIFFICULTY,
  DEFAULT_ESSAY_LINES,
  DEFAULT_POINTS,
  type Question,
  type QuestionBase,
} from './question.js';

/** A field that may be written as one value or a list, as a list. */
export function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

type QuestionInput =
  | SingleInput
  | MultipleInput
  | TrueFalseInput
  | ShortInput
  | NumericInput
  | ClozeInput
  | MatchingInput
  | OrderingInput
  | EssayInput;

/** Applies defaults and renames fields; the input has passed its schema. */
export function normalise(
  fields: Record<string, unknown>,
  defaults: DefaultsInput,
  at: SourceLocation,
): Question {
  const f = fields as unknown as QuestionInput;
  const base: Omit<QuestionBase, 'type'> = {
    id: f.id,
    passages: list(f.passages).map(parseRef),
    prompt: f.prompt ?? DEFAULT_CLOZE_PROMPT,
    evidence: list(f.evidence),
    ...(f.explanation === undefined ? {} : { explanation: f.explanation }),
    difficulty: (f.difficulty ?? defaults.difficulty ?? DEFAULT_DIFFICULTY) as 1 | 2 | 3,
    tags: f.tags ?? defaults.tags ?? [],
    points: f.points ?? defaults.points ?? DEFAULT_POINTS,
    allow: f.allow ?? {},
    source: at,
  };
  switch (f.type) {
    case 'single':
      return {
        ...base,
        type: f.type,
        answer: f.answer,
        distractors: f.distractors,
        fixedOrder: f.fixed_order ?? false,
      };
    case 'multiple':
      return {
        ...base,
        type: f.type,
        answers: f.answers,
        distractors: f.distractors,
        fixedOrder: f.fixed_order ?? false,
      };
    case 'true-false':
      return { ...base, type: f.type, answer: f.answer };
    case 'short':
      return { ...base, type: f.type, answer: f.answer, accept: f.accept ?? [] };
    case 'numeric':
      return {
        ...base,
        type: f.type,
        answer: f.answer,
        tolerance: f.tolerance ?? 0,
        ...(f.unit === undefined ? {} : { unit: f.unit }),
      };
    case 'cloze':
      return { ...base, type: f.type, text: f.text };
    case 'matching':
      return { ...base, type: f.type, pairs: f.pairs, distractors: f.distractors ?? [] };
    case 'ordering':
      return { ...base, type: f.type, items: f.items };
    case 'essay':
      return { ...base, type: f.type, guidance: f.guidance, lines: f.lines ?? DEFAULT_ESSAY_LINES };
  }
}
