/** Every lint check, each triggered by a small fixture. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ARTICLE, makeProject, singleQuestion } from '../helpers/project.js';

async function lint(files: Record<string, string>, args: string[] = []) {
  const root = makeProject(files);
  const result = await runCli(['lint', '--format', 'json', ...args], root);
  const report = JSON.parse(result.stdout) as {
    problems: {
      line: number | null;
      column: number | null;
      severity: string;
      code: string;
      message: string;
      file: string;
    }[];
  };
  return { code: result.code, problems: report.problems };
}

const bank = (questions: string) => ({ 'questions/bank.yaml': `questions:\n${questions}` });

describe('lint: the bank', () => {
  it('accepts a clean bank and exits 0', async () => {
    const { code, problems } = await lint(bank(singleQuestion('clean')));
    expect(problems).toEqual([]);
    expect(code).toBe(0);
  });

  it('reports YAML syntax errors with their line', async () => {
    const { code, problems } = await lint({
      'questions/bank.yaml': 'questions:\n  - id: a\n    prompt: "unclosed\n',
    });
    expect(code).toBe(1);
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('keeps a file of garbage from flooding the terminal: 20 problems, short quotes, then a count', async () => {
    // Random printable characters with few line breaks: YAML sees thousands of very long tokens.
    const random = seedrandom('garbage');
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    let garbage = '';
    for (let i = 0; i < 300_000; i++)
      garbage += random() < 0.0005 ? '\n' : printable[Math.floor(random() * printable.length)];
    const root = makeProject({ 'questions/garbage.yaml': garbage });
    const text = await runCli(['lint'], root);
    const json = await runCli(['lint', '--format', 'json'], root);
    const all = (JSON.parse(json.stdout) as { problems: unknown[] }).problems.length;
    expect(text.code).toBe(1);
    const lines = text.stdout.trimEnd().split('\n');
    expect(all).toBeGreaterThan(40);
    expect(lines).toHaveLength(21);
    expect(lines.slice(0, 20).every((l) => l.startsWith('questions/garbage.yaml:'))).toBe(true);
    expect(lines[20]).toBe(
      `questions/garbage.yaml  … and ${all - 20} more in this file (fix the ones above first: one mistake often causes many)`,
    );
    // A long token is quoted by its first characters only.
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(300);
    expect(text.stdout).toMatch(/… \(\d+ more characters\)/);
    expect(text.stderr).toContain(`lint: ${all} errors`);
  });

  it('reports a missing required field at the question', async () => {
    const { problems } = await lint(
      bank(
        `  - id: no-answer\n    type: short\n    passages: ${ARTICLE}#p2\n    prompt: What?\n    evidence: still wants guarantees\n`,
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'missing-field',
        line: 2,
        message: expect.stringContaining('has no "answer"'),
      }),
    ]);
  });

  it('names both places of a duplicate id', async () => {
    const { problems } = await lint({
      'questions/a.yaml': `questions:\n${singleQuestion('twice')}`,
      'questions/b.yaml': `questions:\n${singleQuestion('twice')}`,
    });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'duplicate-id',
        file: 'questions/b.yaml',
        message: expect.stringContaining('questions/a.yaml:2:9'),
      }),
    ]);
  });

  it('says how many paragraphs an article has when a number is out of range', async () => {
    const { problems } = await lint(bank(singleQuestion('far').replace('#p2', '#p99')));
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'paragraph-out-of-range',
        message: expect.stringContaining('has 14 paragraphs'),
      }),
    ]);
  });

  it('reports an unknown article with a suggestion', async () => {
    const { problems } = await lint(
      bank(singleQuestion('where').replace(`${ARTICLE}#p2`, 'lavrov-studying-proposal-2013#p2')),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'unknown-article',
        message: expect.stringContaining(`did you mean "${ARTICLE}"`),
      }),
    ]);
  });

  it('compares evidence loosely for whitespace and quote style only', async () => {
    const curly = singleQuestion('curly')
      .replace(
        'evidence: still wants guarantees that the system would not be used against Russia',
        'evidence: "“We are now   studying the proposals we received”"',
      )
      .replace('#p2', '#p3');
    expect((await lint(bank(curly))).problems.map((p) => p.code)).toEqual(['evidence-not-found']);
    const spaced = singleQuestion('spaced').replace(
      'still wants guarantees that',
      'still   wants\n      guarantees that',
    );
    expect((await lint(bank(spaced))).problems).toEqual([]);
    const reworded = singleQuestion('reworded').replace(
      'still wants guarantees',
      'still wanted guarantees',
    );
    expect((await lint(bank(reworded))).problems.map((p) => p.code)).toEqual([
      'evidence-not-found',
    ]);
  });

  it('points to the passage that does contain misplaced evidence', async () => {
    const { problems } = await lint(bank(singleQuestion('moved').replace('#p2', '#p5')));
    expect(problems[0]!.message).toContain(`it is in ${ARTICLE}#p2`);
  });

  it('checks single and multiple choice options', async () => {
    const same = singleQuestion('same').replace(
      '[Full NATO membership within a decade, A share of the radar contracts]',
      '[Full NATO membership within a decade, "guarantees about the system\'s use", A share of the radar contracts]',
    );
    const dup = singleQuestion('dup').replace(
      '[Full NATO membership within a decade, A share of the radar contracts]',
      '[Full NATO membership within a decade, Full NATO membership within a decade, A share of the radar contracts]',
    );
    const few = singleQuestion('few').replace(
      '[Full NATO membership within a decade, A share of the radar contracts]',
      '[Full NATO membership within a decade, full nato membership within a decade]',
    );
    const allAbove = singleQuestion('all-above').replace(
      'A share of the radar contracts',
      'All of the above',
    );
    const codes = async (q: string) => (await lint(bank(q))).problems.map((p) => p.code);
    expect(await codes(same)).toEqual(['answer-is-distractor']);
    expect(await codes(dup)).toEqual(['duplicate-option']);
    expect(await codes(few)).toContain('too-few-options');
    expect(await codes(allAbove)).toEqual(['positional-option', 'all-none-of-the-above']);
    expect(
      await codes(allAbove.replace('    evidence:', '    fixed_order: true\n    evidence:')),
    ).toEqual(['all-none-of-the-above']);
  });

  it('checks cloze, matching and ordering structure', async () => {
    const base = `    passages: ${ARTICLE}#p2\n    evidence: still wants guarantees\n`;
    const cloze = `  - id: c\n    type: cloze\n${base}    text: Moscow still wants guarantees.\n`;
    const matching = `  - id: m\n    type: matching\n${base}    prompt: Match.\n    pairs: [{left: a, right: x}, {left: b, right: x}, {left: c, right: z}]\n`;
    const ordering = `  - id: o\n    type: ordering\n${base}    prompt: Order.\n    items: [first, second, First]\n`;
    expect((await lint(bank(cloze))).problems.map((p) => p.code)).toEqual(['cloze-without-blanks']);
    expect((await lint(bank(matching))).problems.map((p) => p.code)).toEqual(['duplicate-right']);
    expect((await lint(bank(ordering))).problems.map((p) => p.code)).toEqual(['duplicate-item']);
  });

  it('fails on warnings only with --strict', async () => {
    const files = bank(
      singleQuestion('twice-cited').replace(
        `passages: ${ARTICLE}#p2`,
        `passages: [${ARTICLE}#p2, ${ARTICLE}#p2]`,
      ),
    );
    const relaxed = await lint(files);
    expect(relaxed.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(relaxed.code).toBe(0);
    expect((await lint(files, ['--strict'])).code).toBe(1);
  });
});

describe('lint: the corpus', () => {
  const article = (front: string, body = 'First paragraph.\n\nSecond paragraph.\n') =>
    `---\n${front}\n---\n\n${body}`;
  const front =
    'id: a-story\ntitle: A story\noutlet: The Paper\npublished: 2012-04\nsummary: What happened.';

  it('accepts a well-formed article', async () => {
    expect((await lint({ 'corpus/a-story.md': article(front) })).problems).toEqual([]);
  });

  it('reports missing front matter', async () => {
    expect(
      (await lint({ 'corpus/a-story.md': 'Just text.\n' })).problems.map((p) => p.code),
    ).toEqual(['front-matter-missing']);
  });

  it('reports invalid front matter fields on their line', async () => {
    const { problems } = await lint({
      'corpus/a-story.md': article(front.replace('published: 2012-04', 'published: April 2012')),
    });
    expect(problems).toEqual([expect.objectContaining({ code: 'bad-format', line: 5 })]);
  });

  it('reports an id that differs from the file name', async () => {
    expect(
      (await lint({ 'corpus/other-name.md': article(front) })).problems.map((p) => p.code),
    ).toEqual(['article-id-mismatch']);
  });

  it('reports an empty paragraph', async () => {
    const { problems } = await lint({
      'corpus/a-story.md': article(front, 'First.\n\n\u200B\n\nSecond.\n'),
    });
    expect(problems).toEqual([expect.objectContaining({ code: 'empty-paragraph', line: 11 })]);
  });
});
