/**
 * Publishes the schemas as JSON files for editors (`npm run schema`). The
 * TypeBox definitions in src/ are the source of truth; a test checks that
 * the committed files in schema/ match them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import {
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

/**
 * The bank for editors: each question is checked against the schema of its
 * own `type` (if/then), so an editor reports "answer is missing" rather than
 * nine failed alternatives.
 */
function editorBankSchema(): TSchema {
  return {
    $schema: BankFileSchema.$schema,
    $id: BankFileSchema.$id,
    title: BankFileSchema.title,
    type: 'object',
    additionalProperties: false,
    required: ['questions'],
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
            then: QUESTION_SCHEMAS[type],
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
