/** The answer sheet's layout and code: what the template prints and the scanner reads. */
import * as cheerio from 'cheerio';
import { readQr } from '../../src/scan/qr-reader.js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '../../src/bank/schema.js';
import { drawStudentCopies, drawVersions } from '../../src/quiz/draw.js';
import { explanationsBooklet } from '../../src/render/explanations.js';
import { renderCopy } from '../../src/render/quiz-copy.js';
import { renderMarkingGrid } from '../../src/render/marking-grid.js';
import { keyNotation } from '../../src/quiz/key.js';
import { templateEnvironment } from '../../src/render/env.js';
import { encodeSheetCode, parseSheetCode, qrSvg, sheetCodeText } from '../../src/sheet/code.js';
import { BUBBLE_RADIUS, numberFormat } from '../../src/sheet/digit-grid.js';
import { pageBubbles, sheetLayout } from '../../src/sheet/layout.js';
import { MARK_INSET, MARK_SIZE } from '../../src/sheet/page-marks.js';
import { blueprint, bundled } from '../quiz/fixtures.js';

const everyType = blueprint(`versions: 2
answer_sheet: true
sections:
${QUESTION_TYPES.map((t) => `  - title: ${t}\n    pick: 2\n    from: { types: [${t}] }`).join('\n')}
`);

const student = { id: 's7', name: 'Ana Pérez', extra: [], row: 2 };

describe('answer sheet layout', () => {
  it('has one row per item, bubbles in the copy’s own option letters, and lists the other types as answered on the paper', async () => {
    const { bank } = await bundled();
    for (const copy of drawVersions(bank.questions, everyType, 5)) {
      const layout = sheetLayout(copy, { idDigits: 6 });
      const rows = layout.pages.flatMap((p) => p.rows);
      expect(rows.map((r) => r.item)).toEqual(copy.items.map((i) => i.number));
      for (const row of rows) {
        const p = copy.items[row.item - 1]!.presentation;
        if (p.type === 'single' || p.type === 'multiple') {
          expect(row.kind).toBe('choice');
          if (row.kind === 'choice')
            expect(row.bubbles.map((b) => b.value)).toEqual(p.options.map((o) => o.letter));
        } else if (p.type === 'true-false') {
          expect(row.kind === 'choice' && row.bubbles.map((b) => b.value)).toEqual(['T', 'F']);
        } else if (p.type === 'numeric') {
          expect(row.kind).toBe('number');
        } else {
          expect(row.kind).toBe('paper');
        }
      }
    }
  });

  it('puts a student-ID grid on every page of a version copy, and none on a named copy', async () => {
    const { bank } = await bundled();
    const [version] = drawVersions(bank.questions, everyType, 5);
    const layout = sheetLayout(version!, { idDigits: 8 });
    for (const page of layout.pages) expect(page.idGrid?.columns).toHaveLength(8);
    const [personal] = drawStudentCopies(bank.questions, everyType, 5, [student]);
    expect(sheetLayout(personal!, { idDigits: 8 }).pages.every((p) => !p.idGrid)).toBe(true);
  });

  it('keeps every bubble on the paper, clear of the corner marks, the code and each other', async () => {
    const { bank } = await bundled();
    const long = blueprint(`paper: a4
answer_sheet: true
sections:
  - title: Many
    pick: 70
    from: { types: [single, true-false, multiple] }
  - title: Numbers
    pick: 6
    from: { types: [numeric] }
`);
    const [copy] = drawVersions(bank.questions, long, 2);
    const layout = sheetLayout(copy!, { idDigits: 6 });
    expect(layout.pages.length).toBe(2);
    expect(layout.pages.map((p) => `${p.page}/${p.pages}`)).toEqual(['1/2', '2/2']);
    const clearOfMarks = MARK_INSET + MARK_SIZE / 2 + BUBBLE_RADIUS;
    for (const page of layout.pages) {
      const bubbles = pageBubbles(page).map((b) => b.bubble);
      for (const b of bubbles) {
        expect(b.x).toBeGreaterThan(clearOfMarks);
        expect(b.y).toBeGreaterThan(clearOfMarks);
        expect(b.x).toBeLessThan(layout.width - clearOfMarks);
        expect(b.y).toBeLessThan(layout.height - clearOfMarks);
        const inQr =
          b.x > layout.qr.x - BUBBLE_RADIUS &&
          b.x < layout.qr.x + layout.qr.size + BUBBLE_RADIUS &&
          b.y < layout.qr.y + layout.qr.size + BUBBLE_RADIUS;
        expect(inQr).toBe(false);
      }
      for (let i = 0; i < bubbles.length; i++)
        for (let j = i + 1; j < bubbles.length; j++) {
          const d = Math.hypot(bubbles[i]!.x - bubbles[j]!.x, bubbles[i]!.y - bubbles[j]!.y);
          expect(d).toBeGreaterThan(2 * BUBBLE_RADIUS + 0.5);
        }
    }
  });

  it('gives numbers enough digit columns, a decimal part and a sign only where the answer needs them', () => {
    expect(numberFormat(28, 0)).toEqual({ integers: 4, decimals: 0, signed: false });
    expect(numberFormat(123456, 0)).toEqual({ integers: 7, decimals: 0, signed: false });
    expect(numberFormat(2.5, 0.25)).toEqual({ integers: 4, decimals: 2, signed: false });
    expect(numberFormat(-3, 0)).toEqual({ integers: 4, decimals: 0, signed: true });
    expect(numberFormat(0.5, 1)).toEqual({ integers: 4, decimals: 1, signed: true });
  });
});

describe('sheet code', () => {
  const code = { quizId: 'missile-defense-unit', seed: 2026, copy: 'K7QF', page: 1, pages: 2 };

  it('round-trips through its text and is printed for people too', () => {
    expect(parseSheetCode(encodeSheetCode(code))).toEqual(code);
    expect(parseSheetCode('https://example.com')).toBeUndefined();
    expect(parseSheetCode('HANDOUT1 quiz 1 A 3/2')).toBeUndefined();
    expect(sheetCodeText(code)).toBe('missile-defense-unit · seed 2026 · copy K7QF · sheet 1 of 2');
  });

  it('is an inline SVG that a QR reader decodes', async () => {
    const svg = qrSvg(encodeSheetCode(code), 26);
    expect(svg).toBe(qrSvg(encodeSheetCode(code), 26));
    const { data, info } = await sharp(Buffer.from(svg), { density: 200 })
      .flatten({ background: '#fff' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const found = readQr({ width: info.width, height: info.height, data });
    expect(found?.data).toBe(encodeSheetCode(code));
  });

  it('is printed on the copy’s sheet with the copy’s code, and bank text stays escaped', async () => {
    const content = await bundled();
    const env = templateEnvironment(content.project.templateDirs);
    const [personal] = drawStudentCopies(content.bank.questions, everyType, 5, [
      { ...student, name: '<b>Ana</b> & Co' },
    ]);
    const html = renderCopy(personal!, {
      env,
      corpus: content.corpus,
      assetsUrl: '../../assets',
      answerSheet: { idDigits: 6 },
    });
    const $ = cheerio.load(html);
    expect($('section.sheet')).toHaveLength(1);
    expect($('.sheet-who').text()).toContain('<b>Ana</b> & Co');
    expect($('.sheet-code').text()).toBe(
      `test-quiz · seed 5 · copy ${personal!.version} · sheet 1 of 1`,
    );
    expect($('.sheet-mark')).toHaveLength(4);
    expect($('.sheet svg path')).toHaveLength(1);
    const withoutSheet = renderCopy(personal!, { env, corpus: content.corpus, assetsUrl: '.' });
    expect(cheerio.load(withoutSheet)('section.sheet')).toHaveLength(0);
  });
});

describe('marking grid next to the sheet', () => {
  it('shows each bubble row as on the copy’s sheet, the right bubbles filled', async () => {
    const content = await bundled();
    const env = templateEnvironment(content.project.templateDirs);
    const copies = drawStudentCopies(content.bank.questions, everyType, 5, [student]);
    const copy = copies[0]!;
    const context = { env, corpus: content.corpus, assetsUrl: '.', answerSheet: { idDigits: 6 } };
    const $ = cheerio.load(
      renderMarkingGrid(copy, explanationsBooklet(copies), 'the booklet', context),
    );
    const rows = $('.key-grid tbody tr');
    expect(rows).toHaveLength(copy.items.length);
    const layout = sheetLayout(copy, { idDigits: 6 });
    for (const row of layout.pages.flatMap((p) => p.rows)) {
      const cell = $(rows[row.item - 1]!).find('td.sheet-key');
      const key = keyNotation(copy.items[row.item - 1]!.presentation);
      if (row.kind === 'choice') {
        expect(
          cell
            .find('.key-bubble')
            .map((_, b) => $(b).text())
            .get(),
        ).toEqual(row.bubbles.map((b) => b.value));
        expect(
          cell
            .find('.key-bubble.filled')
            .map((_, b) => $(b).text())
            .get()
            .join(''),
        ).toBe(key);
      } else if (row.kind === 'number') {
        expect(cell.text()).toBe(key);
      } else {
        expect(cell.text()).toBe('on the paper');
      }
    }
    const plain = cheerio.load(
      renderMarkingGrid(copy, explanationsBooklet(copies), 'the booklet', {
        env,
        corpus: content.corpus,
        assetsUrl: '.',
      }),
    );
    expect(plain('td.sheet-key')).toHaveLength(0);
  });
});
