/**
 * Double-sided printing with answer sheets (real Chromium, PDFs checked by
 * their text): every copy and every answer sheet starts on a right-hand
 * (odd) page, a blank page going before a sheet only where the questions
 * end on a right-hand page, so a sheet is never printed on the back of a
 * question page. Checked on copies of different lengths, in the class
 * pack, each student's own file and the version PDFs.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';
import { readPdfText } from '../pdf/pdf-reading.js';

/** Three quizzes whose questions take one, two and three pages, more or less. */
const QUIZZES = [3, 16, 30].map(
  (pick) => `id: duplex-${pick}
title: Duplex ${pick}
seed: 3
versions: 2
answer_sheet: true
sections:
  - title: Choice
    pick: ${pick}
    from: { types: [single, true-false] }
`,
);

let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'handout-duplex-'));
  cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
  cpSync(path.join(REPO, 'questions'), path.join(root, 'questions'), {
    recursive: true,
    filter: (src) => !/quizzes|briefings|responses/.test(src),
  });
  mkdirSync(path.join(root, 'questions/quizzes'));
  for (const quiz of QUIZZES)
    writeFileSync(path.join(root, `questions/quizzes/${/^id: (\S+)/.exec(quiz)![1]}.yaml`), quiz);
  writeFileSync(path.join(root, 'class.csv'), 'id,name\ns1,Ana Pérez\ns2,Ben Okoro\ns3,Chen Wei\n');
  for (const quiz of ['duplex-3', 'duplex-16', 'duplex-30']) {
    for (const roster of [[], ['--roster', 'class.csv', '--split']]) {
      const result = await runCli(
        ['quiz', quiz, '--duplex', '--format', 'pdf', '--quiet', ...roster],
        root,
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  }
}, 240_000);

interface Layout {
  /** 1-based pages where a copy starts (its masthead) and where its sheet starts. */
  copies: number[];
  sheets: number[];
  blanks: number[];
  pages: number;
}

async function layoutOf(file: string): Promise<Layout> {
  const { pages } = await readPdfText(new Uint8Array(readFileSync(path.join(root, file))));
  const at = (test: (text: string) => boolean) =>
    pages.flatMap((text, i) => (test(text) ? [i + 1] : []));
  return {
    copies: at((t) => /questions · \d+ points?/.test(t)),
    sheets: at((t) => /· sheet 1 of \d/.test(t)),
    blanks: at((t) => t.trim() === ''),
    pages: pages.length,
  };
}

describe('--duplex with answer sheets', () => {
  it('starts every copy and every sheet on a right-hand page, with a blank only where needed', async () => {
    let blanksBeforeSheets = 0;
    let sheetsRightAfterQuestions = 0;
    for (const quiz of ['duplex-3', 'duplex-16', 'duplex-30']) {
      const files = [
        `out/quizzes/${quiz}/version-A.pdf`,
        `out/quizzes/${quiz}/version-B.pdf`,
        `out/quizzes/${quiz}/class/class-pack.pdf`,
        ...['s1', 's2', 's3'].map((s) => `out/quizzes/${quiz}/class/copies/${s}.pdf`),
      ];
      for (const file of files) {
        const layout = await layoutOf(file);
        const copies = file.endsWith('class-pack.pdf') ? 3 : 1;
        expect(layout.copies, file).toHaveLength(copies);
        expect(layout.sheets, file).toHaveLength(copies);
        for (const page of [...layout.copies, ...layout.sheets])
          expect(page % 2, `${file}: page ${page} is a left-hand page`).toBe(1);
        for (const sheet of layout.sheets) {
          // The page before the sheet is a question page or the blank put there for it.
          if (layout.blanks.includes(sheet - 1)) {
            blanksBeforeSheets++;
            expect(layout.blanks, file).not.toContain(sheet - 2);
          } else sheetsRightAfterQuestions++;
        }
        // No blank page anywhere else but before a sheet or before the next copy.
        for (const blank of layout.blanks)
          expect(
            layout.sheets.includes(blank + 1) || layout.copies.includes(blank + 1),
            `${file}: blank page ${blank}`,
          ).toBe(true);
      }
    }
    // Both cases were met: questions ending on a right-hand page, and on a left-hand one.
    expect(blanksBeforeSheets).toBeGreaterThan(0);
    expect(sheetsRightAfterQuestions).toBeGreaterThan(0);
  });
});
