/**
 * Loads the question bank: every `questions/**\/*.yaml` except the quiz,
 * briefing and reference folders. Each question is checked against the
 * schema of its type; every problem is collected with its line and column.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProblemList } from '../errors.js';
import { type SourceLocation } from '../errors.js';
import { listFiles } from '../util/files.js';
import { parseRef } from '../corpus/quote.js';
import { didYouMean } from '../util/text.js';
import type { YamlPath } from '../util/yaml-source.js';
import { readYaml, type YamlDocument } from '../util/yaml-fast.js';
import type { YamlCache } from '../util/yaml-cache.js';
import { validateWith } from '../util/schema-check.js';
import {
  BankFileShellSchema,
  PASSAGE_REF,
  QUESTION_SCHEMAS,
  QUESTION_TYPES,
  type ClozeInput,
  type DefaultsInput,
  type EssayInput,
  type MatchingInput,
  type MultipleInput,
  type NumericInput,
  type OrderingInput,
  type QuestionType,
  type ShortInput,
  type SingleInput,
  type TrueFalseInput,
} from './schema.js';
import {
  DEFAULT_CLOZE_PROMPT,
  DEFAULT_DIFFICULTY,
  DEFAULT_ESSAY_LINES,
  DEFAULT_POINTS,
  type Question,
  type QuestionBase,
} from './question.js';

/** Folders of `questions/` that hold other kinds of YAML than questions. */
export const NON_BANK_FOLDERS = ['quizzes', 'briefings', 'reference'];

export interface Bank {
  questions: Question[];
  byId: Map<string, Question>;
  /**
   * Questions that failed their schema but whose citations can still be
   * checked, so that one lint run reports those problems too.
   */
  incomplete: Citing[];
  files: string[];
  /** Where a field of a question is written, for messages about it. */
  locate(id: string, path?: YamlPath): SourceLocation;
  locateKey(id: string, path: YamlPath): SourceLocation;
}

/** The part of a question that cites the corpus. */
export type Citing = Pick<QuestionBase, 'id' | 'passages' | 'evidence'>;

/** `cache`: earlier runs' readings of the files (see util/yaml-cache.ts). */
export async function loadBank(
  questionsDir: string,
  problems: ProblemList,
  cache?: YamlCache,
): Promise<Bank> {
  const files = await listFiles(questionsDir, ['.yaml', '.yml'], NON_BANK_FOLDERS);
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  return buildBank(
    files.map((file, i) => ({ file, text: texts[i]! })),
    problems,
    path.dirname(questionsDir),
    cache,
  );
}

interface Located {
  source: YamlDocument;
  path: YamlPath;
}

interface Entry {
  id: string | undefined;
  path: YamlPath;
  question: Question | undefined;
  citing: Citing | undefined;
}

/** `root` is the project folder, against which other files are named in messages. */
export function buildBank(
  files: { file: string; text: string }[],
  problems: ProblemList,
  root: string,
  cache?: YamlCache,
): Bank {
  const questions: Question[] = [];
  const incomplete: Citing[] = [];
  const byId = new Map<string, Question>();
  const where = new Map<string, Located>();
  for (const { file, text } of files) {
    const source = readYaml(file, text, problems, 0, cache);
    if (!source) continue;
    for (const entry of readBankFile(source, problems)) {
      if (entry.id === undefined) continue;
      const first = where.get(entry.id);
      if (first) {
        const at = first.source.locate([...first.path, 'id']);
        problems.error(
          source.locate([...entry.path, 'id']),
          'duplicate-id',
          `the id "${entry.id}" is already used at ${path.relative(root, at.file).split(path.sep).join('/')}:${at.line}:${at.column}; ids must be unique across the bank, so rename one of them`,
          entry.id,
        );
        continue;
      }
      where.set(entry.id, { source, path: entry.path });
      if (entry.question) {
        byId.set(entry.id, entry.question);
        questions.push(entry.question);
      } else if (entry.citing) {
        incomplete.push(entry.citing);
      }
    }
  }
  const locate = (id: string, sub: YamlPath = []): SourceLocation => {
    const at = where.get(id);
    return at ? at.source.locate([...at.path, ...sub]) : (byId.get(id)?.source ?? { file: '' });
  };
  const locateKey = (id: string, sub: YamlPath): SourceLocation => {
    const at = where.get(id);
    return at ? at.source.locateKey([...at.path, ...sub]) : locate(id);
  };
  return { questions, byId, incomplete, files: files.map((f) => f.file), locate, locateKey };
}

function readBankFile(source: YamlDocument, problems: ProblemList): Entry[] {
  const data = source.toJS();
  if (data === null || data === undefined) {
    problems.warning(
      source.locate([]),
      'empty-file',
      'this question file is empty; add a "questions:" list or delete the file',
    );
    return [];
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.error(
      source.locate([]),
      'not-a-bank-file',
      'a question file must be a set of fields with a "questions:" list (and optionally "defaults:")',
    );
    return [];
  }
  const shell = validateWith(BankFileShellSchema, data, source, [], problems, {
    what: 'question file',
  });
  // A bad "defaults" still leaves the questions worth checking.
  if (shell === undefined && !Array.isArray((data as { questions?: unknown }).questions)) return [];
  const { defaults = {}, questions = [] } = (shell ?? data) as {
    defaults?: DefaultsInput;
    questions?: unknown[];
  };
  return questions.map((raw, index) => {
    const path: YamlPath = ['questions', index];
    const fields =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? (raw as Record<string, unknown>)
        : {};
    const id = typeof fields.id === 'string' ? fields.id : undefined;
    const question = readQuestion(raw, defaults, source, path, problems);
    return {
      id,
      path,
      question,
      citing: question || id === undefined ? undefined : citingOf(id, fields),
    };
  });
}

/** The citations of a question that failed its schema, if they are well-formed. */
function citingOf(id: string, fields: Record<string, unknown>): Citing | undefined {
  const refs = list(fields.passages as string | string[] | undefined);
  const evidence = list(fields.evidence as string | string[] | undefined);
  const wellFormed = (values: unknown[]): values is string[] =>
    values.every((v) => typeof v === 'string');
  if (
    refs.length === 0 ||
    !wellFormed(refs) ||
    !wellFormed(evidence) ||
    !refs.every((r) => new RegExp(PASSAGE_REF).test(r))
  )
    return undefined;
  return { id, passages: refs.map(parseRef), evidence };
}

function readQuestion(
  raw: unknown,
  defaults: DefaultsInput,
  source: YamlDocument,
  path: YamlPath,
  problems: ProblemList,
): Question | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.error(
      source.locate(path),
      'not-a-question',
      'each entry of "questions" must be a set of fields starting with "- id:"',
    );
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  const id = typeof fields.id === 'string' ? fields.id : undefined;
  const type = fields.type;
  if (typeof type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(type)) {
    const at = type === undefined ? source.locate(path) : source.locate([...path, 'type']);
    const said =
      type === undefined
        ? 'has no "type"'
        : `has type "${String(type)}"${didYouMean(String(type), QUESTION_TYPES)}`;
    problems.error(
      at,
      'unknown-type',
      `${id ? `question "${id}"` : 'this question'} ${said}; the type must be one of: ${QUESTION_TYPES.join(', ')}`,
      id,
    );
    return undefined;
  }
  const schema = QUESTION_SCHEMAS[type as QuestionType];
  const valid = validateWith(schema, fields, source, path, problems, {
    what: 'question',
    ...(id ? { id } : {}),
  });
  if (valid === undefined) return undefined;
  return normalise(valid as Record<string, unknown>, defaults, source.locate(path));
}

function list<T>(value: T | T[] | undefined): T[] {
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
function normalise(
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
