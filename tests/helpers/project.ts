/** Tiny throwaway teaching projects for tests. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(REPO, '../shared');
/** The article fixtures use: 14 paragraphs, Brussels, 23 April 2013. */
export const ARTICLE = 'lavrov-studying-proposals-2013';

/** Projects made by the current test file; removed when it is done, passed or failed. */
const made = new Set<string>();
// Registered when a test file first imports this module, so it runs after that file's tests.
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
});

/**
 * Creates a project in a temporary folder, removed when the tests are done:
 * `files` maps relative paths to contents. Unless `corpus: false`, the
 * fixture article is copied in.
 */
export function makeProject(
  files: Record<string, string>,
  options: { corpus?: boolean } = {},
): string {
  const root = mkdtempSync(path.join(tmpdir(), 'handout-test-'));
  made.add(root);
  mkdirSync(path.join(root, 'corpus'), { recursive: true });
  mkdirSync(path.join(root, 'questions'), { recursive: true });
  if (options.corpus !== false)
    cpSync(path.join(REPO, 'corpus', `${ARTICLE}.md`), path.join(root, 'corpus', `${ARTICLE}.md`));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/**
 * A valid single-choice question on the fixture article, as YAML lines at
 * list indentation. It passes every lint rule (its answer is not the longest option).
 */
export function singleQuestion(id: string, extra = ''): string {
  return `  - id: ${id}
    type: single
    passages: ${ARTICLE}#p2
    prompt: What did Moscow still want?
    answer: Guarantees about the system's use
    distractors: [Full NATO membership within a decade, A share of the radar contracts]
    evidence: still wants guarantees that the system would not be used against Russia
${extra}`;
}
