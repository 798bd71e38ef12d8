/**
 * Checks data read from YAML against a schema and turns each violation into
 * a Problem that points at the offending line and says what to do. TypeBox
 * finds the violations (its compiled checkers cost milliseconds where a
 * general JSON Schema compiler costs a large share of a command's start);
 * the wording is ours, because "Expected required property" is not
 * something a teacher should have to decode.
 */
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import type { ProblemList } from '../errors.js';
import type { YamlPath } from './yaml-source.js';
import type { YamlDocument } from './yaml-fast.js';
import { didYouMean, plural } from './text.js';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checker(schema: TSchema): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

export interface CheckContext {
  /** What is being checked, for messages: "question", "front matter"... */
  what: string;
  /** The record's id, when it has one. */
  id?: string;
}

/**
 * Returns the data, with YAML's numbers and booleans turned into text where
 * the schema wants text (and the reverse), if it is valid; otherwise reports
 * every violation and returns undefined.
 */
export function validateWith(
  schema: TSchema,
  data: unknown,
  source: Pick<YamlDocument, 'locate' | 'locateKey'>,
  base: YamlPath,
  problems: ProblemList,
  context: CheckContext,
): unknown {
  const check = checker(schema);
  // Most data is valid as read; converting (numbers to text and back) is for the rest.
  if (check.Check(data)) return data;
  const converted = Value.Convert(schema, data);
  if (check.Check(converted)) return converted;
  for (const error of relevant([...check.Errors(converted)])) {
    const path = [...base, ...pointerToPath(error.path)];
    const at =
      error.type === ValueErrorType.ObjectAdditionalProperties
        ? source.locateKey(path)
        : source.locate(path);
    problems.error(at, problemCode(error.type), describe(error, context), context.id);
  }
  return undefined;
}

/** One problem per place: the first error at a path says it best, and a missing field is only missing. */
function relevant(errors: ValueError[]): ValueError[] {
  const missing = new Set(
    errors.filter((e) => e.type === ValueErrorType.ObjectRequiredProperty).map((e) => e.path),
  );
  const seen = new Set<string>();
  return errors.filter((e) => {
    const required = e.type === ValueErrorType.ObjectRequiredProperty;
    if (!required && missing.has(e.path)) return false;
    const key = `${e.path}|${required ? 'required' : e.type === ValueErrorType.ObjectAdditionalProperties ? 'extra' : 'value'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Stable, readable problem codes for schema violations. */
function problemCode(type: ValueErrorType): string {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'missing-field';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'unknown-field';
    case ValueErrorType.StringPattern:
      return 'bad-format';
    case ValueErrorType.ArrayMinItems:
      return 'too-few-entries';
    case ValueErrorType.StringMinLength:
      return 'empty-field';
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.NumberExclusiveMaximum:
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerExclusiveMinimum:
    case ValueErrorType.IntegerExclusiveMaximum:
      return 'out-of-range';
    case ValueErrorType.Literal:
    case ValueErrorType.Union:
      return 'bad-value';
    default:
      return 'wrong-type';
  }
}

function fieldName(pointer: string): string {
  const path = pointerToPath(pointer);
  const last = path[path.length - 1];
  if (last === undefined) return '';
  if (typeof last === 'number') return `entry ${last + 1} of "${String(path[path.length - 2])}"`;
  return `"${last}"`;
}

function subject(context: CheckContext): string {
  return context.id ? `${context.what} "${context.id}"` : `this ${context.what}`;
}

function describe(error: ValueError, context: CheckContext): string {
  const field = fieldName(error.path);
  const schema = error.schema as {
    description?: string;
    properties?: object;
    minItems?: number;
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    exclusiveMaximum?: number;
    const?: unknown;
    anyOf?: { const?: unknown }[];
  };
  const hint = schema.description;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty: {
      const parent = fieldName(error.path.slice(0, error.path.lastIndexOf('/')));
      return `${parent ? `${parent} in ` : ''}${subject(context)} has no ${field}; add it${hint ? ` (${hint})` : ''}`;
    }
    case ValueErrorType.ObjectAdditionalProperties: {
      const name = String(pointerToPath(error.path).pop());
      const known = Object.keys(schema.properties ?? {});
      return `"${name}" is not a field of ${subject(context)}${didYouMean(name, known)}; allowed fields are ${known.join(', ')}`;
    }
    case ValueErrorType.ArrayMinItems:
      return `${field} needs at least ${plural(schema.minItems ?? 1, 'entry', 'entries')}; it has ${Array.isArray(error.value) ? error.value.length : 0}`;
    case ValueErrorType.StringMinLength:
      return `${field} is empty; write some text or remove the field`;
    case ValueErrorType.StringPattern:
      return `${field} is "${String(error.value)}", which is not valid${hint ? `: ${hint}` : ''}`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `${field} is ${String(error.value)}, but it must be at most ${String(schema.maximum)}${hint ? `: ${hint}` : ''}`;
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `${field} is ${String(error.value)}, but it must be at least ${String(schema.minimum)}${hint ? `: ${hint}` : ''}`;
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.IntegerExclusiveMinimum:
      return `${field} is ${String(error.value)}, but it must be more than ${String(schema.exclusiveMinimum)}${hint ? `: ${hint}` : ''}`;
    case ValueErrorType.NumberExclusiveMaximum:
    case ValueErrorType.IntegerExclusiveMaximum:
      return `${field} is ${String(error.value)}, but it must be less than ${String(schema.exclusiveMaximum)}${hint ? `: ${hint}` : ''}`;
    case ValueErrorType.Literal:
    case ValueErrorType.Union: {
      const allowed = schema.anyOf?.every((s) => s.const !== undefined)
        ? schema.anyOf.map((s) => String(s.const))
        : schema.const !== undefined
          ? [String(schema.const)]
          : undefined;
      if (allowed)
        return `${field || subject(context)} is "${String(error.value)}"; it must be one of: ${allowed.join(', ')}${didYouMean(String(error.value), allowed)}`;
      return `${field || subject(context)} is not valid${hint ? `: it should be ${hint}` : ''}`;
    }
    case ValueErrorType.String:
      return `${field || subject(context)} should be text, but it is ${kindOf(error.value)}`;
    case ValueErrorType.Number:
      return `${field || subject(context)} should be a number, but it is ${kindOf(error.value)}`;
    case ValueErrorType.Integer:
      return `${field || subject(context)} should be a whole number, but it is ${kindOf(error.value)}`;
    case ValueErrorType.Boolean:
      return `${field || subject(context)} should be true or false, but it is ${kindOf(error.value)}`;
    case ValueErrorType.Array:
      return `${field || subject(context)} should be a list, but it is ${kindOf(error.value)}`;
    case ValueErrorType.Object:
      return `${field || subject(context)} should be a set of fields (name: value), but it is ${kindOf(error.value)}`;
    default:
      return `${field || subject(context)} is not valid: ${error.message}`;
  }
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `the text "${value}"`;
  return `${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
}
