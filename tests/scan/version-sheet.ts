/**
 * A project for the version-copy scan tests: the bundled corpus and bank,
 * one quiz, its copies as HTML, and version A's answer sheet printed by
 * real Chromium (the question pages left out) and rasterised by poppler.
 * Pupils' marks are then drawn on that picture (pupils.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import { expect } from 'vitest';
import { loadContent } from '../../src/content.js';
import { ProblemList } from '../../src/errors.js';
import { regenerateCopies } from '../../src/grade/copies.js';
import { withPrinter } from '../../src/pdf/printer.js';
import { projectAt } from '../../src/project.js';
import type { QuizCopy } from '../../src/quiz/copy.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';
import { readPdfText } from '../pdf/pdf-reading.js';

export interface VersionSheet {
  /** The project folder (a temporary copy), with an empty scans/ folder. */
  root: string;
  /** Version A as drawn. */
  copy: QuizCopy;
  /** Sheet 1 of version A as a greyscale PNG at `dpi`. */
  sheet: Buffer;
}

export async function versionSheet(
  name: string,
  quizId: string,
  quizYaml: string,
  dpi: number,
): Promise<VersionSheet> {
  const root = mkdtempSync(path.join(tmpdir(), `handout-${name}-`));
  cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
  cpSync(path.join(REPO, 'questions'), path.join(root, 'questions'), {
    recursive: true,
    filter: (src) => !/quizzes|briefings|responses/.test(src),
  });
  mkdirSync(path.join(root, 'questions/quizzes'));
  writeFileSync(path.join(root, `questions/quizzes/${quizId}.yaml`), quizYaml);
  const html = await runCli(['quiz', quizId, '--format', 'html', '--quiet'], root);
  expect(html.code, html.stderr).toBe(0);
  const content = await loadContent(projectAt(root), new ProblemList());
  const blueprint = content.blueprints.find((b) => b.id === quizId)!;
  const copy = regenerateCopies(content.bank.questions, blueprint, blueprint.seed, {}).versions[0]!;
  expect(copy.version).toBe('A');

  const file = path.join(root, `out/quizzes/${quizId}/version-A.html`);
  const $ = cheerio.load(readFileSync(file, 'utf8'));
  $('form.questions, .instructions').remove();
  const [printed] = await withPrinter({ env: process.env }, (printer) =>
    printer.printAll([
      {
        name: file,
        html: $.html(),
        baseUrl: pathToFileURL(path.dirname(file) + '/').href,
        title: 'sheet',
        date: new Date(Date.UTC(2026, 0, 1)),
      },
    ]),
  );
  writeFileSync(path.join(root, 'sheet.pdf'), printed!.pdf);
  const pages = (await readPdfText(new Uint8Array(printed!.pdf))).pages;
  const at = String(pages.findIndex((t) => t.includes('copy A · sheet 1 of')) + 1);
  expect(Number(at)).toBeGreaterThan(0);
  execFileSync(
    'pdftoppm',
    ['-r', String(dpi), '-gray', '-png', '-singlefile', '-f', at, '-l', at, 'sheet.pdf', 'sheet'],
    { cwd: root },
  );
  mkdirSync(path.join(root, 'scans'));
  return { root, copy, sheet: readFileSync(path.join(root, 'sheet.png')) };
}
