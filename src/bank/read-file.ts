/**
 * One question file of the bank, read entry by entry: the file's shape,
 * then each question against the schema of its type, every problem
 * collected with its line and column. A question that fails its schema
 * still yields its citations where they are well-formed, so one lint run
 * reports the problems of both.
 */
import type { ProblemList } from '../errors.js';
import { parseRef } from '../corpus/quote.js';
import { didYouMean } from '../util/text.js';
import type { YamlPath } from '../util/yaml-source.js';
import type { YamlDocument } from '../util/yaml-fast.js';
import { validateWith } from '../util/schema-check.js';
import { list, normalise } from './normalise.js';
import type { Citing, Question } from './question.js';
import {
  BankFileShellSchema,
  PASSAGE_REF,
  QUESTION_SCHEMAS,
  QUESTION_TYPES,
  type DefaultsInput,
  type QuestionType,
} from './schema.js';

/** A question of the file: where it is, and what could be read of it. */
export interface Entry {
  id: string | undefined;
  path: YamlPath;
  question: Question | undefined;
  citing: Citing | undefined;
}

export function readBankFile(source: YamlDocument, problems: ProblemList): Entry[] {
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
