/** A question silences a rule with a reason; stats shows the reason; mistakes in `allow` are caught. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, singleQuestion } from '../helpers/project.js';

interface JsonProblem {
  line: number | null;
  severity: string;
  code: string;
  rule: string | null;
  message: string;
}

async function lint(questions: string, args: string[] = []) {
  const root = makeProject({ 'questions/bank.yaml': `questions:\n${questions}` });
  const result = await runCli(['lint', '--format', 'json', ...args], root);
  const report = JSON.parse(result.stdout) as { ok: boolean; problems: JsonProblem[] };
  return { root, code: result.code, problems: report.problems };
}

/** A single-choice question whose answer is clearly the longest option. */
const longKey = (id: string, extra = '') =>
  singleQuestion(id, extra).replace(
    "answer: Guarantees about the system's use",
    'answer: Guarantees that the missile defense system would not be used against Russia',
  );

describe('allow', () => {
  it('reports an item-writing finding with its rule id, as a warning', async () => {
    const { code, problems } = await lint(longKey('long'));
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'key-longest',
        rule: 'key-longest',
        line: 6,
        message: expect.stringContaining('question "long": the answer (75 characters)'),
      }),
    ]);
    expect(code).toBe(0);
    expect((await lint(longKey('long'), ['--strict'])).code).toBe(1);
  });

  it('silences the rule for that question, and stats shows the reason', async () => {
    const allowed = longKey(
      'long',
      '    allow:\n      key-longest: The answer quotes the guarantee in full; shortening it would change it.\n',
    );
    const { root, code, problems } = await lint(allowed, ['--strict']);
    expect(problems).toEqual([]);
    expect(code).toBe(0);
    const stats = await runCli(['stats'], root);
    expect(stats.stdout).toMatch(/key-longest +item-writing +warning +0 +1/);
    expect(stats.stdout).toMatch(
      /long +key-longest +The answer quotes the guarantee in full; shortening it would change it\./,
    );
    const json = JSON.parse((await runCli(['stats', '--format', 'json'], root)).stdout) as {
      lint: { allows: { id: string; rule: string; reason: string; silenced: number }[] };
    };
    expect(json.lint.allows).toEqual([
      {
        id: 'long',
        rule: 'key-longest',
        reason: 'The answer quotes the guarantee in full; shortening it would change it.',
        silenced: 1,
      },
    ]);
  });

  it('names an unknown rule with a suggestion, at the line of the allow', async () => {
    const { code, problems } = await lint(
      longKey('long', '    allow:\n      key-longst: the full text matters\n'),
    );
    expect(code).toBe(1);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'unknown-rule',
        severity: 'error',
        line: 10,
        message: expect.stringContaining('did you mean "key-longest"?'),
      }),
    );
    // And every id it could have named, so a teacher need not look them up.
    const message = problems.find((p) => p.code === 'unknown-rule')!.message;
    expect(message).toMatch(
      /a question can allow duplicate-passage, redundant-accept, key-longest, .*, stem-clang or overlapping-numeric$/,
    );
    for (const id of ['evidence-verbatim', 'true-false-balance', 'key-position'])
      expect(message).not.toContain(id);
  });

  it('requires a reason', async () => {
    for (const reason of ['', '""', '"  "']) {
      const { code, problems } = await lint(
        longKey('long', `    allow:\n      key-longest: ${reason}\n`),
      );
      expect(code, reason).toBe(1);
      expect(problems[0], reason).toMatchObject({ severity: 'error', line: 10 });
    }
  });

  it('refuses to allow errors and rules about the whole bank', async () => {
    const { problems } = await lint(
      singleQuestion(
        'q',
        '    allow:\n      evidence-verbatim: close enough\n      true-false-balance: fine\n',
      ),
    );
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['rule-not-allowable', 10],
      ['rule-not-allowable', 11],
    ]);
    expect(problems[0]!.message).toContain('cannot be allowed; fix the question');
    expect(problems[1]!.message).toContain('about the bank as a whole');
  });

  it('warns about an allow that silences nothing', async () => {
    const { problems } = await lint(
      singleQuestion('q', '    allow:\n      negative-stem: the stem is positive now\n'),
    );
    expect(problems).toEqual([
      expect.objectContaining({ code: 'unused-allow', severity: 'warning', line: 10 }),
    ]);
  });
});
