/**
 * Checks data read from YAML against a JSON Schema and turns each violation
 * into a Problem that points at the offending line and says what to do.
 * Ajv finds the violations; the wording is ours, because "must have required
 * property 'answer'" is not something a teacher should have to decode.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import type { ProblemList } from '../errors.js';
import type { YamlPath, YamlSource } from './yaml-source.js';
import { didYouMean, plural } from './text.js';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: true, verbose: true });
const compiled = new WeakMap<TSchema, ValidateFunction>();

function validator(schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

export interface CheckContext {
  /** What is being checked, for messages: "question", "front matter"... */
  what: string;
  /** The record's id, when it has one. */
  id?: string;
}

/** Returns true when `data` is valid; otherwise reports every violation. */
export function validateWith(
  schema: TSchema,
  data: unknown,
  source: YamlSource,
  base: YamlPath,
  problems: ProblemList,
  context: CheckContext,
): boolean {
  const validate = validator(schema);
  if (validate(data)) return true;
  const errors = pruneErrors(validate.errors ?? []);
  for (const error of errors) {
    const path = [...base, ...pointerToPath(error.instancePath)];
    const at =
      error.keyword === 'additionalProperties'
        ? source.locateKey([...path, String(error.params.additionalProperty)])
        : source.locate(path);
    problems.error(
      at,
      problemCode(error.keyword),
      describe(error, context, schemaAt(schema, error.schemaPath)),
      context.id,
    );
  }
  return false;
}

/** Drops errors that only repeat a more useful one (anyOf branches, etc.). */
function pruneErrors(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = new Set(
    errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath),
  );
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword !== 'anyOf' && anyOfPaths.has(e.instancePath)) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Stable, readable problem codes for schema violations. */
const CODES: Record<string, string> = {
  required: 'missing-field',
  additionalProperties: 'unknown-field',
  type: 'wrong-type',
  pattern: 'bad-format',
  minItems: 'too-few-entries',
  minLength: 'empty-field',
  minimum: 'out-of-range',
  maximum: 'out-of-range',
  exclusiveMinimum: 'out-of-range',
  exclusiveMaximum: 'out-of-range',
  const: 'bad-value',
  enum: 'bad-value',
  anyOf: 'bad-value',
  uniqueItems: 'repeated-entry',
};

function problemCode(keyword: string): string {
  return CODES[keyword] ?? 'invalid-field';
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The sub-schema an error's schemaPath points at, minus the failing keyword. */
function schemaAt(root: TSchema, schemaPath: string): Record<string, unknown> {
  let node: unknown = root;
  const parts = schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean);
  for (const part of parts.slice(0, -1)) {
    if (node && typeof node === 'object') node = (node as Record<string, unknown>)[part];
  }
  return (node ?? {}) as Record<string, unknown>;
}

function fieldName(instancePath: string): string {
  const path = pointerToPath(instancePath);
  const last = path[path.length - 1];
  if (last === undefined) return '';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return `entry ${last + 1} of "${String(parent)}"`;
  }
  return `"${last}"`;
}

function subject(context: CheckContext): string {
  return context.id ? `${context.what} "${context.id}"` : `this ${context.what}`;
}

function describe(
  error: ErrorObject,
  context: CheckContext,
  schema: Record<string, unknown>,
): string {
  const field = fieldName(error.instancePath);
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const properties = (schema.properties ?? {}) as Record<string, { description?: string }>;
      const hint = properties[missing]?.description;
      return `${field ? `${field} in ` : ''}${subject(context)} has no "${missing}"; add it${hint ? ` (${hint})` : ''}`;
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((schema.properties ?? {}) as object);
      return `"${name}" is not a field of ${subject(context)}${didYouMean(name, known)}; allowed fields are ${known.join(', ')}`;
    }
    case 'type':
      return `${field || subject(context)} should be ${typeWords(String(params.type))}, but it is ${kindOf(error.data)}`;
    case 'minItems':
      return `${field} needs at least ${plural(Number(params.limit), 'entry', 'entries')}; it has ${Array.isArray(error.data) ? error.data.length : 0}`;
    case 'minLength':
      return `${field} is empty; write some text or remove the field`;
    case 'pattern':
      return `${field} is "${String(error.data)}", which is not valid${description ? `: ${description}` : ''}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = {
        '<=': 'at most',
        '>=': 'at least',
        '<': 'less than',
        '>': 'more than',
      };
      const bound = `${words[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}`;
      return `${field} is ${String(error.data)}, but it must be ${bound}${description ? `: ${description}` : ''}`;
    }
    case 'const':
    case 'enum': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      return `${field} is "${String(error.data)}"; it must be one of: ${allowed.map(String).join(', ')}${didYouMean(String(error.data), allowed.map(String))}`;
    }
    case 'anyOf':
      return `${field || subject(context)} is not valid${description ? `: it should be ${description}` : ''}`;
    case 'uniqueItems':
      return `${field} lists the same value twice; remove the repeat`;
    default:
      return `${field || subject(context)} ${error.message ?? 'is not valid'}`;
  }
}

function typeWords(type: string): string {
  return (
    (
      {
        string: 'text',
        number: 'a number',
        integer: 'a whole number',
        boolean: 'true or false',
        array: 'a list',
        object: 'a set of fields',
      } as Record<string, string>
    )[type] ?? type
  );
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `the text "${value}"`;
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
}
