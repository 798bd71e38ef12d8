import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO, makeProject } from '../helpers/project.js';

const fixture = readFileSync(path.join(REPO, 'tests/fixtures/lint/ten-mistakes.yaml'), 'utf8');

/** The `# expect: code` markers of the fixture, with their line numbers. */
const expected = fixture.split('\n').flatMap((line, i) => {
  const match = /# expect: ([a-z-]+)/.exec(line);
  return match ? [{ line: i + 1, code: match[1]! }] : [];
});

describe('lint on a file with ten different mistakes', () => {
  it('prints all ten, each on the right line, and exits 1 without a stack trace', async () => {
    const root = makeProject({ 'questions/mistakes.yaml': fixture });
    const result = await runCli(['lint', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      problems: { file: string; line: number; code: string; message: string }[];
    };
    expect(report.ok).toBe(false);
    expect(expected).toHaveLength(10);
    const found = report.problems.map((p) => ({ line: p.line, code: p.code }));
    expect(found).toEqual(expected);
    expect(report.problems.every((p) => p.file === 'questions/mistakes.yaml')).toBe(true);
    expect(result.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('prints one line per problem as file:line:col  severity  message', async () => {
    const root = makeProject({ 'questions/mistakes.yaml': fixture });
    const result = await runCli(['lint'], root);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(10);
    for (const line of lines)
      expect(line).toMatch(/^questions\/mistakes\.yaml:\d+:\d+ {2}error {2}\S.*$/);
    expect(result.stderr).toContain('10 errors');
  });
});
