/** The bundled teaching content meets the bar the foundation issue set. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/errors.js';
import { loadContent } from '../../src/content.js';
import { projectAt } from '../../src/project.js';
import { bankStats } from '../../src/stats/stats.js';
import { QUESTION_TYPES } from '../../src/bank/schema.js';
import { PUBLISHED, schemaJson } from '../../src/schema/publish.js';
import { REPO } from '../helpers/project.js';

describe('the bundled content', async () => {
  const problems = new ProblemList();
  const content = await loadContent(projectAt(REPO), problems);
  const stats = bankStats(content.bank, content.corpus);

  it('passes lint without errors or warnings', () => {
    expect(problems.items).toEqual([]);
  });

  it('has at least 100 questions, every type at least 5 times, every article at least 12', () => {
    expect(stats.questions).toBeGreaterThanOrEqual(100);
    for (const type of QUESTION_TYPES) expect(stats.byType[type], type).toBeGreaterThanOrEqual(5);
    expect(stats.articles).toHaveLength(5);
    for (const article of stats.articles)
      expect(article.questions, article.id).toBeGreaterThanOrEqual(12);
  });

  it('cites at least 90% of paragraphs and balances difficulty', () => {
    expect(stats.coverage).toBeGreaterThanOrEqual(0.9);
    for (const level of ['1', '2', '3'] as const)
      expect(
        stats.byDifficulty[level] / stats.questions,
        `difficulty ${level}`,
      ).toBeGreaterThanOrEqual(0.2);
  });

  it('keeps every article body identical to its seed text, furniture aside', () => {
    for (const article of content.corpus.articles) {
      const seed = readFileSync(
        path.join(REPO, '..', 'shared', 'seeds', article.sourceFile!),
        'utf8',
      ).replace(/\s+/g, ' ');
      for (const paragraph of article.paragraphs)
        expect(seed, `${article.id} ¶${paragraph.number}`).toContain(paragraph.text);
    }
  });

  it('publishes schema files that match the schemas handout validates with', () => {
    for (const [name, schema] of Object.entries(PUBLISHED)) {
      expect(
        readFileSync(path.join(REPO, 'schema', name), 'utf8'),
        `schema/${name} is stale: run npm run schema`,
      ).toBe(schemaJson(schema));
    }
  });
});

describe('the published schemas, as an editor uses them', () => {
  it('accept every bundled file and reject a question without its answer', async () => {
    const { Ajv } = await import('ajv');
    const { parse } = await import('yaml');
    const { readdirSync } = await import('node:fs');
    const ajv = new Ajv({ strict: false, allErrors: true });
    const check = (schema: string, file: string) => {
      const validate =
        ajv.getSchema(schema) ??
        (ajv.addSchema(JSON.parse(readFileSync(path.join(REPO, 'schema', schema), 'utf8')), schema),
        ajv.getSchema(schema)!);
      const ok = validate(parse(readFileSync(file, 'utf8')));
      return { ok, errors: validate.errors };
    };
    const dir = path.join(REPO, 'questions');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')))
      expect(check('bank.schema.json', path.join(dir, name)), name).toMatchObject({ ok: true });
    for (const name of readdirSync(path.join(dir, 'quizzes')))
      expect(check('blueprint.schema.json', path.join(dir, 'quizzes', name)), name).toMatchObject({
        ok: true,
      });
    for (const name of readdirSync(path.join(dir, 'reference')))
      expect(check('reference.schema.json', path.join(dir, 'reference', name)), name).toMatchObject(
        { ok: true },
      );
    for (const name of readdirSync(path.join(dir, 'briefings')))
      expect(check('briefing.schema.json', path.join(dir, 'briefings', name)), name).toMatchObject({
        ok: true,
      });
    const validate = ajv.getSchema('bank.schema.json')!;
    expect(
      validate({
        questions: [
          {
            id: 'x',
            type: 'single',
            passages: 'a-b#p1',
            prompt: 'p',
            evidence: 'e',
            distractors: ['a', 'b'],
          },
        ],
      }),
    ).toBe(false);
    expect(validate.errors!.map((e) => e.message)).toContain(
      "must have required property 'answer'",
    );
  });
});
