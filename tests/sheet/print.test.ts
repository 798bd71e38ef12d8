/**
 * Answer sheets printed by real Chromium: the same bytes on every run, fonts
 * embedded, and the marks, bubbles and code exactly where sheet/layout.ts
 * says (checked on the PDF rasterised by poppler, as a scanner would see it).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readQr } from '../../src/scan/qr-reader.js';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';
import { readEmbeddedFonts, readPdfText } from '../pdf/pdf-reading.js';
import { drawVersions } from '../../src/quiz/draw.js';
import { encodeSheetCode } from '../../src/sheet/code.js';
import { pageBubbles, sheetLayout } from '../../src/sheet/layout.js';
import { MARK_SIZE } from '../../src/sheet/page-marks.js';
import { bundled } from '../quiz/fixtures.js';
import { parseBlueprint } from '../../src/quiz/blueprint.js';
import { ProblemList } from '../../src/errors.js';

const QUIZ = `id: sheet-quiz
title: Sheet Quiz
seed: 4
versions: 2
paper: a4
answer_sheet: { id_digits: 5 }
sections:
  - title: Choice
    pick: 5
    from: { types: [single, multiple, true-false] }
  - title: Numbers
    pick: 1
    from: { types: [numeric] }
  - title: Words
    pick: 1
    from: { types: [short] }
`;

let root: string;
let pdf: Uint8Array;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'handout-sheet-'));
  cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
  cpSync(path.join(REPO, 'questions'), path.join(root, 'questions'), {
    recursive: true,
    filter: (src) => !/quizzes|briefings|responses/.test(src),
  });
  mkdirSync(path.join(root, 'questions/quizzes'));
  writeFileSync(path.join(root, 'questions/quizzes/sheet-quiz.yaml'), QUIZ);
  for (const out of ['out1', 'out2']) {
    const result = await runCli(
      ['quiz', 'sheet-quiz', '--format', 'pdf', '--out', out, '--quiet'],
      root,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
  pdf = new Uint8Array(readFileSync(path.join(root, 'out1/quizzes/sheet-quiz/version-A.pdf')));
}, 120_000);

describe('printed answer sheet', () => {
  it('is the last page of the copy, same bytes on every run, fonts embedded', async () => {
    const again = readFileSync(path.join(root, 'out2/quizzes/sheet-quiz/version-A.pdf'));
    expect(Buffer.compare(pdf, again)).toBe(0);
    const text = await readPdfText(pdf);
    const last = text.pages.at(-1)!;
    expect(last).toContain('sheet-quiz · seed 4 · copy A · sheet 1 of 1');
    expect(last).toContain('answered on the paper');
    expect(text.pages.slice(0, -1).join(' ')).not.toContain('Answer sheet');
    const fonts = await readEmbeddedFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.file !== undefined)).toBe(true);
  });

  it('puts the marks, bubbles and code where the layout says', async () => {
    const pages = (await readPdfText(pdf)).pages.length;
    const dpi = 150;
    const png = path.join(root, 'sheet');
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-png',
      '-f',
      String(pages),
      '-l',
      String(pages),
      '-singlefile',
      path.join(root, 'out1/quizzes/sheet-quiz/version-A.pdf'),
      png,
    ]);
    const { data, info } = await sharp(`${png}.png`)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const px = dpi / 25.4;
    const at = (x: number, y: number) =>
      data[Math.round(y * px) * info.width + Math.round(x * px)]!;

    const content = await bundled();
    const parsed = parseBlueprint('/virtual/sheet-quiz.yaml', QUIZ, new ProblemList())!;
    const [copy] = drawVersions(content.bank.questions, parsed, 4);
    const layout = sheetLayout(copy!, { idDigits: 5 });
    for (const mark of layout.marks) {
      expect(at(mark.x, mark.y)).toBeLessThan(60);
      expect(at(mark.x + MARK_SIZE / 2 - 0.6, mark.y - MARK_SIZE / 2 + 0.6)).toBeLessThan(60);
      expect(at(mark.x + MARK_SIZE / 2 + 1, mark.y)).toBeGreaterThan(200);
    }
    // Each bubble's ring is dark, its edge-to-centre gap light: the circle is where the layout says.
    for (const { bubble } of pageBubbles(layout.pages[0]!)) {
      const ring = [0, 90, 180, 270].map((deg) => {
        const a = (deg * Math.PI) / 180;
        return Math.min(
          ...[-0.35, -0.2, -0.05, 0.1].map((d) =>
            at(bubble.x + Math.cos(a) * (2.1 + d), bubble.y + Math.sin(a) * (2.1 + d)),
          ),
        );
      });
      expect(Math.max(...ring), `ring of ${bubble.value} at ${bubble.x},${bubble.y}`).toBeLessThan(
        170,
      );
      expect(at(bubble.x + 1.4, bubble.y)).toBeGreaterThan(200);
    }
    const q = layout.qr;
    const { data: crop, info: cropInfo } = await sharp(`${png}.png`)
      .extract({
        left: Math.round(q.x * px),
        top: Math.round(q.y * px),
        width: Math.round(q.size * px),
        height: Math.round(q.size * px),
      })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const found = readQr({ width: cropInfo.width, height: cropInfo.height, data: crop });
    expect(found?.data).toBe(
      encodeSheetCode({ quizId: 'sheet-quiz', seed: 4, copy: 'A', page: 1, pages: 1 }),
    );
  });
});
