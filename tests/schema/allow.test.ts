/**
 * `allow:` in the editor's bank schema lists the rule ids lint accepts
 * there, so an editor completes them and marks a misspelt one. The list is
 * generated from the rule registry; these tests keep the committed
 * schema/bank.schema.json and the registry from drifting apart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/registry.js';
import { REPO } from '../helpers/project.js';

const schema = JSON.parse(readFileSync(path.join(REPO, 'schema', 'bank.schema.json'), 'utf8')) as {
  definitions: {
    allow: { propertyNames: { enum: string[] }; properties: Record<string, unknown> };
  };
};

const question = (allow: Record<string, string>) => ({
  questions: [
    {
      id: 'q',
      type: 'single',
      passages: 'a-b#p1',
      prompt: 'What did Moscow want?',
      evidence: 'guarantees',
      answer: 'Guarantees',
      distractors: ['Bases', 'Money'],
      allow,
    },
  ],
});

describe('allow: in the published bank schema', () => {
  it('enumerates exactly the rules a question can silence: warnings about one question', () => {
    const expected = RULES.filter(
      (r) =>
        r.severity === 'warning' &&
        (r.question !== undefined || r.citing !== undefined || r.across !== undefined),
    ).map((r) => r.id);
    expect(schema.definitions.allow.propertyNames.enum).toEqual(expected);
    expect(Object.keys(schema.definitions.allow.properties)).toEqual(expected);
    // Errors and rules about the whole bank are not there: lint refuses them under allow.
    for (const id of ['evidence-verbatim', 'answer-present', 'true-false-balance', 'key-position'])
      expect(expected).not.toContain(id);
    expect(expected).toEqual(expect.arrayContaining(['key-longest', 'stem-clang']));
  });

  it('accepts a known rule id with a reason and rejects an unknown one, as an editor would', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(question({ 'key-longest': 'The full title is the point.' }))).toBe(true);
    expect(validate(question({ 'key-longst': 'The full title is the point.' }))).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        keyword: 'enum',
        params: { allowedValues: schema.definitions.allow.propertyNames.enum },
      }),
    );
    expect(validate(question({ 'key-longest': ' ' }))).toBe(false);
  });
});
