/**
 * Commands that generate documents but never show lint warnings skip the
 * warning rules (they cost the first printed page time); errors still stop
 * them, `allow:` still knows every rule, and build still counts warnings.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content.js';
import { ProblemList } from '../../src/errors.js';
import { openProject } from '../../src/project.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, singleQuestion } from '../helpers/project.js';

/** A question whose answer is clearly the longest option: a key-longest warning. */
const longKey = (id: string, extra = '') =>
  singleQuestion(id, extra).replace(
    "answer: Guarantees about the system's use",
    'answer: Guarantees that the missile defense system would not be used against Russia',
  );

async function codes(questions: string, warnings?: boolean) {
  const root = makeProject({ 'questions/bank.yaml': `questions:\n${questions}` });
  const problems = new ProblemList();
  await loadContent(openProject(root, root), problems, warnings === undefined ? {} : { warnings });
  return problems.items.map((p) => `${p.severity} ${p.code}`);
}

describe('warning rules', () => {
  it('run by default and are skipped with warnings: false', async () => {
    expect(await codes(longKey('long'))).toEqual(['warning key-longest']);
    expect(await codes(longKey('long'), false)).toEqual([]);
  });

  it('skipped, still leave every error rule running', async () => {
    const wrong = singleQuestion('q').replace(
      'evidence: still wants guarantees',
      'evidence: would like guarantees',
    );
    expect(await codes(wrong, false)).toContain('error evidence-not-found');
  });

  it('skipped, still let a question allow them, without an unused-allow warning', async () => {
    const allowed = longKey('long', '    allow:\n      key-longest: quoted in full\n');
    const unused = singleQuestion('q', '    allow:\n      negative-stem: positive now\n');
    expect(await codes(allowed + unused, false)).toEqual([]);
    expect(await codes(allowed + unused)).toEqual(['warning unused-allow']);
    expect(await codes(singleQuestion('q', '    allow:\n      no-such-rule: x\n'), false)).toEqual([
      'error unknown-rule',
    ]);
  });

  it('still run for build, which counts them for the teacher', async () => {
    const root = makeProject({ 'questions/bank.yaml': `questions:\n${longKey('long')}` });
    const result = await runCli(['build', '--format', 'html'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('build: 1 warning(s); run "handout lint" to see them');
  });
});
