/** Small HTML documents for the printing tests. */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PrintJob } from '../../src/pdf/print-jobs.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REPO_URL = pathToFileURL(REPO_ROOT + path.sep).href;
/** Relative to REPO_URL, as a template's stylesheet would refer to it. */
export const NOTO_SERIF =
  'node_modules/@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff2';
export const FIXED_DATE = new Date(Date.UTC(2024, 8, 2, 8, 0, 0));

export interface DocumentParts {
  head?: string;
  body: string;
  fontUrl?: string;
}

/** A letter-size document in the web font, with a running header and a "Page x of y" footer. */
export function quizHtml({ head = '', body, fontUrl = NOTO_SERIF }: DocumentParts): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>From the HTML</title>
<style>
@font-face { font-family: 'Quiz Serif'; src: url('${fontUrl}') format('woff2'); }
@page {
  size: letter;
  margin: 20mm;
  @top-left { content: "Unit 3 quiz"; font-family: 'Quiz Serif'; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'Quiz Serif'; }
}
body { font-family: 'Quiz Serif'; font-size: 12pt; }
.break { break-before: page; }
</style>
${head}
</head><body>
${body}
</body></html>`;
}

export function job(name: string, parts: DocumentParts, baseUrl = REPO_URL): PrintJob {
  return { name, html: quizHtml(parts), baseUrl, title: `Title of ${name}`, date: FIXED_DATE };
}

export const TWO_PAGES = {
  body: '<h1>Reading check</h1><p>Question one.</p><p class="break">Question two.</p>',
};
