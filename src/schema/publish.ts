/**
 * Publishes the schemas as JSON files for editors (`npm run schema`). The
 * TypeBox definitions in src/ are the source of truth; a test checks that
 * the committed files in schema/ match them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import {
  AllowSchema,
  BankFileSchema,
  DefaultsSchema,
  QUESTION_SCHEMAS,
  QUESTION_TYPES,
} from '../bank/schema.js';
import { BlueprintSchema } from '../quiz/blueprint-schema.js';
import { ReferenceFileSchema } from '../reference/schema.js';
import { BriefingSchema } from '../briefing/schema.js';
import { ArticleFrontMatterSchema } from '../corpus/schema.js';
import { SCHEMA_DIR } from '../project.js';
import { ALLOWABLE_RULE_IDS, RULES_BY_ID } from '../lint/registry.js';

/**
 * `allow:` for editors: the rule ids a question may name, from the lint
 * registry, so that an editor completes them (with the rule's summary on
 * hover) and marks a misspelt one. handout's own check is lint's (it says
 * which line and suggests the nearest id); the bank schema it validates with
 * keeps accepting any kebab-case key, so that a typo gets that message.
 */
function editorAllowSchema(allow: TSchema): TSchema {
  const reason = Object.values(allow.patternProperties as Record<string, TSchema>)[0]!;
  return {
    ...allow,
    patternProperties: undefined,
    propertyNames: {
      enum: [...ALLOWABLE_RULE_IDS],
      description: 'a lint rule that a question can allow (docs/lint.md lists them)',
    },
    properties: Object.fromEntries(
      ALLOWABLE_RULE_IDS.map((id) => [
        id,
        {
          ...reason,
          description: `${RULES_BY_ID.get(id)!.doc.description}\n\nWrite why this does not apply to the question.`,
        },
      ]),
    ),
  } as unknown as TSchema;
}

/** A question type's schema with `allow` as defined once for editors. */
function editorQuestionSchema(schema: TSchema): TSchema {
  const properties = schema.properties as Record<string, TSchema>;
  return {
    ...schema,
    properties: { ...properties, allow: { $ref: '#/definitions/allow' } },
  } as unknown as TSchema;
}

/**
 * The bank for editors: each question is checked against the schema of its
 * own `type` (if/then), so an editor reports "answer is missing" rather than
 * nine failed alternatives. `allow` is defined once, with the rule ids.
 */
function editorBankSchema(): TSchema {
  return {
    $schema: BankFileSchema.$schema,
    $id: BankFileSchema.$id,
    title: BankFileSchema.title,
    type: 'object',
    additionalProperties: false,
    required: ['questions'],
    definitions: { allow: editorAllowSchema(AllowSchema) },
    properties: {
      defaults: DefaultsSchema,
      questions: {
        type: 'array',
        description: 'the list of questions',
        items: {
          type: 'object',
          required: ['type'],
          properties: { type: { enum: [...QUESTION_TYPES], description: 'the question type' } },
          allOf: QUESTION_TYPES.map((type) => ({
            if: { properties: { type: { const: type } } },
            then: editorQuestionSchema(QUESTION_SCHEMAS[type]),
          })),
        },
      },
    },
  } as unknown as TSchema;
}

export const PUBLISHED: Record<string, TSchema> = {
  'bank.schema.json': editorBankSchema(),
  'blueprint.schema.json': BlueprintSchema,
  'reference.schema.json': ReferenceFileSchema,
  'briefing.schema.json': BriefingSchema,
  'article.schema.json': ArticleFrontMatterSchema,
};

/** JSON text of a schema; TypeBox's symbol keys are not enumerable, so they drop out. */
export function schemaJson(schema: TSchema): string {
  return JSON.stringify(schema, null, 2) + '\n';
}

export async function publishSchemas(dir = SCHEMA_DIR): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, schema] of Object.entries(PUBLISHED)) {
    await writeFile(path.join(dir, name), schemaJson(schema));
    written.push(name);
  }
  return written;
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
) {
  const names = await publishSchemas();
  process.stdout.write(`wrote ${names.map((n) => `schema/${n}`).join(', ')}\n`);
}
