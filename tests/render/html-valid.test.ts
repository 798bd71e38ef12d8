/**
 * Every page handout writes is valid HTML, checked by a real validator
 * (html-validate, "standard" rules: the HTML specification and WAI-ARIA
 * conformance), so that a browser, a screen reader or an LMS importing the
 * page sees what we meant. It runs what `npm start` runs (the bundled
 * project's build), plus a grade report.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';

const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

async function invalid(dir: string): Promise<{ files: number; problems: string[] }> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(path.join(dir, file));
    for (const result of report.results)
      for (const m of result.messages)
        problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return { files: files.length, problems };
}

describe('the HTML handout writes', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'handout-html-'));
    const build = await runCli(['build', '--format', 'html', '--quiet', '--out', out], REPO);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const grade = await runCli(
      [
        'grade',
        '--quiz',
        'missile-defense-unit',
        'questions/responses/missile-defense-unit.csv',
        '--format',
        'html',
        '--quiet',
        '--out',
        out,
      ],
      REPO,
    );
    expect(grade.code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('passes an HTML validator, page by page: quizzes, keys, copies, briefings, open-book packs, grade report', async () => {
    const { files, problems } = await invalid(out);
    // Versions, keys, 22 student copies and keys, briefing editions, open-book packs, the report.
    expect(files).toBeGreaterThanOrEqual(53);
    expect(problems).toEqual([]);
  });

  it('catches the kind of mistake it is there for', async () => {
    const report = await validator.validateString(
      '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><div aria-label="Version A">A</div></body></html>',
    );
    expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual([
      'aria-label-misuse',
    ]);
  });
});
