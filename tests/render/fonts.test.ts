/**
 * Fonts never come from the machine: names and bank text in every script a
 * class may use print with the bundled faces (checked in real PDFs, with
 * real Chromium), and text no bundled face covers is a warning at its line.
 * Run the suite with FONTCONFIG_FILE=../shared/fonts/fresh-machine.conf to
 * see what a machine with only DejaVu and Liberation prints.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { uncoveredCharacters } from '../../src/render/font-coverage.js';
import { bundledFamilies } from '../../src/render/font-packages.js';
import { fontAssets } from '../../src/render/fonts.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { ARTICLE, REPO, makeProject, singleQuestion } from '../helpers/project.js';
import { readEmbeddedFonts, readPdfText } from '../pdf/pdf-reading.js';

/** PostScript names start with the family name without spaces (NotoSansSC..., NotoNaskhArabic-Bold). */
const BUNDLED_PREFIXES = bundledFamilies().map((family) => family.family.replaceAll(' ', ''));

function isBundled(fontName: string): boolean {
  return BUNDLED_PREFIXES.some((prefix) => fontName.startsWith(prefix));
}

async function expectOnlyBundledFonts(pdf: Uint8Array, name: string): Promise<void> {
  const fonts = await readEmbeddedFonts(pdf);
  expect(fonts.length, name).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(isBundled(font.name), `${name} embeds ${font.name}`).toBe(true);
    expect(font.file, `${name}: ${font.name} is not embedded`).toBeDefined();
  }
}

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.pdf'))
    .sort();
}

/**
 * pdf.js gives Arabic letters in the contextual form drawn (initial,
 * medial, final); a PDF viewer copies them as the base letters.
 */
function asTyped(text: string): string {
  return text.replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]/g, (form) => form.normalize('NFKC'));
}

/** A student in every script the fonts cover. */
const NAMES = [
  'Zoë Šimková-Ødegård',
  'Иван Соколов',
  'Νίκος Παπαδόπουλος',
  'Nguyễn Thị Minh Khai',
  '李小龙',
  '陳美玲',
  '山田 はなこ',
  '김민준',
  // pdf.js maps each glyph back through the font alone, and Noto draws
  // the dots of ن, ي, ب... as marks of their own, which map to nothing:
  // a name of letters without dots keeps this test about the fonts.
  'محمد حامد',
  'דוד כהן',
  // pdf.js reads text by each glyph's own Unicode value, not the ActualText
  // Chromium writes for conjuncts such as र्म: a name without them keeps
  // this test about the fonts rather than about pdf.js.
  'अमन कुमार',
  'สมชาย ใจดี',
];

const QUIZ = `id: names
title: Names Quiz
seed: 3
sections:
  - title: Choice
    pick: 1
    from: { types: [single] }
`;

describe('fonts, printed with real Chromium', () => {
  let root: string;
  let out: string;
  let run: CliResult;

  beforeAll(async () => {
    const roster = ['id,name', ...NAMES.map((name, i) => `n${i + 1},${name}`)];
    // Sinhala and Ethiopic: no bundled face covers them.
    roster.push('n90,සුනිල් පෙරේරා', 'n91,አበበ ቢቂላ');
    root = makeProject({
      'questions/bank.yaml': `questions:\n${singleQuestion('q1')}`,
      'questions/quizzes/names.yaml': QUIZ,
      'names.csv': roster.join('\n') + '\n',
    });
    out = path.join(root, 'out');
    run = await runCli(['quiz', 'names', '--roster', 'names.csv', '--out', out], root);
  }, 120_000);

  it('prints every student name, whatever its script, in the class pack', async () => {
    expect(run.code, run.stderr).toBe(0);
    const pdf = new Uint8Array(readFileSync(path.join(out, 'quizzes/names/names/class-pack.pdf')));
    const text = asTyped((await readPdfText(pdf)).pages.join('\n'));
    for (const name of NAMES) expect(text).toContain(name);
    await expectOnlyBundledFonts(pdf, 'class-pack.pdf');
  });

  it('prints every name with the bundled faces also when no HTML is written (--format pdf)', async () => {
    // No page of a student's own is rendered then: only the pack's chunks hold the names.
    const pdfOnly = path.join(root, 'out-pdf');
    const result = await runCli(
      ['quiz', 'names', '--roster', 'names.csv', '--format', 'pdf', '--out', pdfOnly],
      root,
    );
    expect(result.code, result.stderr).toBe(0);
    const pdf = new Uint8Array(
      readFileSync(path.join(pdfOnly, 'quizzes/names/names/class-pack.pdf')),
    );
    const text = asTyped((await readPdfText(pdf)).pages.join('\n'));
    for (const name of NAMES) expect(text).toContain(name);
    await expectOnlyBundledFonts(pdf, 'class-pack.pdf (--format pdf)');
  }, 120_000);

  it('warns, naming the roster line, about a name no bundled font can print', () => {
    const lines = run.stderr.split('\n').filter((line) => line.includes('warning'));
    expect(lines).toEqual([
      expect.stringMatching(/^names\.csv:14 +warning +the name "සුනිල් පෙරේරා" .*U\+0DC3 \(ස\)/),
      expect.stringMatching(/^names\.csv:15 +warning +the name "አበበ ቢቂላ" .*transliterated/),
    ]);
  });

  it('ships only the font files the documents use', () => {
    const files = readdirSync(path.join(out, 'assets/fonts'));
    const css = readFileSync(path.join(out, 'assets/fonts.css'), 'utf8');
    for (const file of files) expect(css).toContain(`./fonts/${file}`);
    // A handful of Chinese, Japanese and Korean chunks, not the ~900 files of those fonts.
    const cjk = files.filter((file) => /noto-sans-(sc|tc|jp|kr)-/.test(file));
    expect(cjk.length).toBeGreaterThan(0);
    expect(cjk.length).toBeLessThan(60);
  });
});

describe('the bundled project', () => {
  it('embeds only bundled faces in every PDF that handout build writes', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'handout-fonts-'));
    const result = await runCli(['build', '--out', out, '--quiet'], REPO);
    expect(result.code, result.stderr).toBe(0);
    const pdfs = pdfsUnder(out);
    expect(pdfs.length).toBeGreaterThan(5);
    for (const file of pdfs) {
      await expectOnlyBundledFonts(new Uint8Array(readFileSync(path.join(out, file))), file);
    }
  }, 120_000);
});

describe('font stacks', () => {
  it('name only the bundled stacks in every template, never a machine font', () => {
    const templates = path.join(REPO, 'templates');
    // The preview's pages (index, bank browser) and the scan review are read on screen, never printed.
    const screenOnly = /^(preview|scan)\//;
    const files = readdirSync(templates, { recursive: true, encoding: 'utf8' }).filter(
      (file) => /\.(css|njk)$/.test(file) && !screenOnly.test(file),
    );
    const declarations = files.flatMap((file) =>
      [
        ...readFileSync(path.join(templates, file), 'utf8').matchAll(/font-family:\s*([^;}]+)/g),
      ].map((match) => `${file}: ${match[1]!.trim()}`),
    );
    expect(declarations.length).toBeGreaterThan(10);
    for (const declaration of declarations) {
      expect(declaration).toMatch(/: var\(--(serif|sans)\)$/);
    }
  });

  it('declare both stacks with bundled families only, ending without a generic family', () => {
    const { css } = fontAssets([]);
    const stacks = [...css.matchAll(/--(serif|sans): ([^;]+);/g)].map((match) => match[2]!);
    expect(stacks).toHaveLength(2);
    const families = bundledFamilies().map((family) => `'${family.family}'`);
    for (const stack of stacks) {
      expect(stack.split(', ').sort()).toEqual([...families].sort());
    }
  });

  it('ship the Chinese, Japanese and Korean files a page needs, also for characters past U+FFFF', () => {
    const cjk = (text: string) =>
      fontAssets([text])
        .files.map((file) => file.name)
        .filter((name) => /noto-sans-(sc|tc|jp|kr)-/.test(name));
    expect(cjk('<p>Plain English — “quoted”</p>')).toEqual([]);
    expect(cjk('<p>李小龙</p>').every((name) => name.startsWith('noto-sans-sc-'))).toBe(true);
    // 𩸽 (U+29E3D) is written as two UTF-16 units: the scan must read it as one character.
    const hokke = cjk('<td>𩸽</td>');
    expect(hokke.length).toBeGreaterThan(0);
    expect(hokke.every((name) => name.startsWith('noto-sans-jp-'))).toBe(true);
  });

  it('cover the scripts of a class and nothing is left to the machine', () => {
    expect(uncoveredCharacters(NAMES.join(' '))).toEqual([]);
    expect(uncoveredCharacters('Text with a tab\tand a soft\u00adhyphen')).toEqual([]);
    expect(uncoveredCharacters('ሰላም ሰላም')).toEqual(['ሰ', 'ላ', 'ም']);
  });
});

describe('bank text no bundled font can print', () => {
  it('is a lint warning at its file, line and column; comments are not printed', async () => {
    const root = makeProject({
      'questions/bank.yaml': `questions:
  # ሰላም is only a comment
  - id: q1
    type: single
    passages: ${ARTICLE}#p2
    prompt: "What did Moscow want? (ሰላም)"
    answer: Guarantees about the system's use
    distractors: [Full NATO membership, A share of the contracts]
    evidence: still wants guarantees that the system would not be used against Russia
`,
    });
    const result = await runCli(['lint'], root);
    const warnings = result.stdout
      .split('\n')
      .filter((line) => line.includes('unprintable') || line.includes('bundled'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^questions\/bank\.yaml:6:37 +warning +this text has characters no font bundled with handout can print \(U\+1230 \(ሰ\), U\+120B \(ላ\), U\+121D \(ም\)\)/,
      ),
    ]);
  });
});
