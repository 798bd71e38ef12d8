/** docs/lint.md is the rules' own documentation, kept current. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { rulesMarkdown } from '../../src/lint/docs.js';
import { RULES } from '../../src/lint/registry.js';
import { REPO } from '../helpers/project.js';

it('docs/lint.md documents every rule as the code does (npm run docs:lint rewrites it)', () => {
  const committed = readFileSync(path.join(REPO, 'docs', 'lint.md'), 'utf8');
  expect(committed, 'docs/lint.md is stale: run npm run docs:lint').toBe(rulesMarkdown());
  for (const rule of RULES) expect(committed).toContain(`## ${rule.id}\n`);
});
