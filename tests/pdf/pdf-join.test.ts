/**
 * Joining Chromium's PDFs at the byte level (pdf-syntax, pdf-source,
 * pdf-writer) and the page numbers' TrueType font, checked with real
 * parsers: poppler's pdfinfo, pdffonts and pdftotext, fontconfig's fc-scan,
 * pdf.js, and Chromium's own text measurement.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePack, type PrintedChunk } from '../../src/pdf/pack.js';
import { labelWidth } from '../../src/pdf/page-numbers.js';
import type { PdfRef } from '../../src/pdf/pdf-syntax.js';
import { PdfDict, parseValue, serialize } from '../../src/pdf/pdf-syntax.js';
import { PdfSource } from '../../src/pdf/pdf-source.js';
import { readTrueType, woffToTrueType } from '../../src/pdf/truetype.js';
import type { PlannedPack } from '../../src/produce/plan.js';
import { PackWriter } from '../../src/produce/print-packs.js';
import { OutputWriter } from '../../src/write/writer.js';
import { sha256 } from '../../src/write/written-file.js';
import { REPO_URL } from './documents.js';
import { readPdfText } from './pdf-reading.js';
import { openSharedPrinter, type SharedPrinter } from './shared-printer.js';

const DATE = new Date(Date.UTC(2024, 0, 15, 9, 30, 0));
const NOTO_SANS_WOFF2 = 'node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2';
const tmp = mkdtempSync(path.join(tmpdir(), 'handout-join-'));

/** A file for the command-line tools. */
function file(name: string, bytes: Uint8Array): string {
  const target = path.join(tmp, name);
  writeFileSync(target, bytes);
  return target;
}

/** Copies of `pages` pages each, on their own named pages as the layout prints them. */
function chunkHtml(labels: string[], pages: number): string {
  const parts = labels.map((label) => {
    const body = Array.from(
      { length: pages },
      (_, i) =>
        `<p${i ? ' style="break-before: page"' : ''}>${label} sheet ${i + 1} (of ${pages})</p>`,
    ).join('');
    return `<div id="part-${label}" style="page: part-${label}"><a href="#part-${label}" hidden></a>${body}</div>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face { font-family: 'Label Sans'; src: url('${NOTO_SANS_WOFF2}') format('woff2'); }
@page { size: A4; margin: 17mm 16mm 18mm 16mm; }
body { font-family: 'Label Sans'; font-size: 8pt; }
</style></head><body>${parts.join('')}</body></html>`;
}

let shared: SharedPrinter;
let chunks: PrintedChunk[];
/** Chromium's own rendering of two labels in the same face and size, for their widths. */
let measured: Uint8Array;

beforeAll(async () => {
  shared = await openSharedPrinter({ env: process.env });
  const groups = [
    ['A', 'B', 'C'],
    ['D', 'E'],
  ];
  const printed = await shared.printer.printAll([
    ...groups.map((labels, i) => ({
      name: `chunk ${i}`,
      html: chunkHtml(labels, 2),
      baseUrl: REPO_URL,
      title: 'chunk',
      date: DATE,
      tagged: false,
    })),
    {
      name: 'labels',
      html: chunkHtml([], 0).replace(
        '<body>',
        '<body><p><span>Page 1 of 3</span></p><p><span>Page 12 of 14</span></p>',
      ),
      baseUrl: REPO_URL,
      title: 'labels',
      date: DATE,
      tagged: false,
    },
  ]);
  chunks = groups.map((labels, i) => ({
    pdf: printed[i]!.pdf,
    parts: labels.map((label) => `part-${label}`),
  }));
  measured = printed[2]!.pdf;
}, 60_000);
afterAll(() => shared.close());

describe('the page numbers font', () => {
  const woff = readFileSync(
    createRequire(import.meta.url).resolve(
      '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
    ),
  );
  const ttf = woffToTrueType(new Uint8Array(woff));

  it('unwraps the bundled WOFF into a TrueType file that fontconfig reads as Noto Sans', () => {
    const scanned = execFileSync(
      'fc-scan',
      ['--format', '%{postscriptname}|%{fontformat}|%{charset}', file('noto.ttf', ttf)],
      { encoding: 'utf8' },
    );
    const [name, format, charset] = scanned.split('|');
    expect(name).toBe('NotoSans-Regular');
    expect(format).toBe('TrueType');
    // Every printable ASCII character a label may use is in the face.
    expect(charset).toMatch(/^20-7e\b/);
    expect(readTrueType(ttf).postScriptName).toBe('NotoSans-Regular');
  });

  it('measures a label as wide as Chromium lays it out in the same face', async () => {
    for (const text of ['Page 1 of 3', 'Page 12 of 14']) {
      // pdf.js measures Chromium's text by the widths Chromium wrote for its own subset;
      // Chromium places glyphs on its own grid, a few tenths of a point off the font's advances.
      expect(labelWidth(text)).toBeCloseTo(await chromiumWidth(measured, text), 0);
    }
  });
});

/** The width pdf.js reports for a piece of text in a Chromium PDF. */
async function chromiumWidth(pdf: Uint8Array, text: string): Promise<number> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  try {
    const page = await document.getPage(1);
    const items = (await page.getTextContent()).items;
    const item = items.find((candidate) => 'str' in candidate && candidate.str === text);
    if (!item || !('width' in item)) throw new Error(`"${text}" not found`);
    return item.width;
  } finally {
    await document.destroy();
  }
}

describe('PDF syntax', () => {
  it('renumbers references and keeps strings, names and numbers exactly as written', () => {
    const text =
      '<</Type /Page % a comment\n/Kids [1 0 R 12 0 R] /T (a (nested) \\) 3 0 R) /H <FEFF0041> /N [4 0] /Sub <</X 7 0 R>> /Z true>>';
    const [value, end] = parseValue(text, 0);
    expect(end).toBe(text.length);
    expect(value).toBeInstanceOf(PdfDict);
    const renamed = serialize(value, (ref: PdfRef) => `${ref.num + 100} 0 R`);
    expect(renamed).toContain('/Kids [101 0 R 112 0 R]');
    // Text that looks like a reference inside a string is text.
    expect(renamed).toContain('/T (a (nested) \\) 3 0 R)');
    expect(renamed).toContain('/H <FEFF0041>');
    expect(renamed).toContain('/N [4 0]\n');
    expect(renamed).toContain('/Sub <</X 107 0 R\n>>');
    expect(renamed).not.toContain('comment');
  });

  it('reads the pages and named destinations of a Chromium PDF', () => {
    const source = new PdfSource(chunks[0]!.pdf);
    const pages = source.pages();
    expect(pages).toHaveLength(6);
    const destinations = source.destinations();
    expect([...destinations.keys()].sort()).toEqual(['part-A', 'part-B', 'part-C']);
    expect(pages.findIndex((page) => page.num === destinations.get('part-B'))).toBe(2);
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => new PdfSource(new TextEncoder().encode('not a pdf'))).toThrow('%PDF');
    const cut = chunks[0]!.pdf.subarray(0, chunks[0]!.pdf.length - 200);
    expect(() => new PdfSource(cut)).toThrow(/unreadable PDF/);
  });
});

describe('a pack joined at the byte level', () => {
  it('is a PDF poppler reads without complaint, with every page, its text and its label', async () => {
    const pack = await assemblePack(chunks, { title: 'Class – 10B', date: DATE, duplex: false });
    const packFile = file('pack.pdf', pack.pdf);
    const checked = spawnSync('pdfinfo', [packFile], { encoding: 'utf8' });
    // poppler reports any syntax error or broken cross-reference table on stderr.
    expect(checked.stderr).toBe('');
    const info = checked.stdout;
    expect(info).toMatch(/^Pages: +10$/m);
    expect(info).toMatch(/^Title: +Class – 10B$/m);
    expect(info).toMatch(/^Page size: .* pts \(A4\)$/m);
    // pdftotext reads the text of each page, the stamped labels among it, in pack order.
    const pages = execFileSync('pdftotext', ['-layout', packFile, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, -1)
      .map((page) => page.replace(/\s+/g, ' ').trim());
    const expected = ['A', 'B', 'C', 'D', 'E'].flatMap((label) => [
      `${label} sheet 1 (of 2) Page 1 of 2`,
      `${label} sheet 2 (of 2) Page 2 of 2`,
    ]);
    expect(pages).toEqual(expected);
    expect((await readPdfText(pack.pdf)).pages).toEqual(expected);
  });

  it('embeds the bundled face once, as a simple TrueType font, beside each chunk’s own fonts', async () => {
    const pack = await assemblePack(chunks, { title: 'Fonts', date: DATE, duplex: false });
    const fonts = (pdf: string) =>
      execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const rows = fonts(file('fonts.pdf', pack.pdf));
    const numbers = rows.filter((row) => /^NotoSans-Regular\s/.test(row));
    expect(numbers).toHaveLength(1);
    expect(numbers[0]).toMatch(/^NotoSans-Regular\s+TrueType\s+WinAnsi\s+yes\s+no\s/);
    // Every font is embedded: "no" in the emb column would be a font left to the machine.
    for (const row of rows) expect(row).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+0$/);
    // Each chunk keeps its own subsets of the faces Chromium used.
    const perChunk = chunks.map((chunk, i) => fonts(file(`chunk-${i}.pdf`, chunk.pdf)).length);
    expect(rows).toHaveLength(1 + perChunk[0]! + perChunk[1]!);
  });

  it('is written into its staged file in pack order, whatever order the chunks are printed in', async () => {
    const out = mkdtempSync(path.join(tmp, 'out-'));
    const writer = new OutputWriter(out);
    const names = ['A', 'B', 'C', 'D', 'E'];
    const pack: PlannedPack = {
      path: 'class/pack.pdf',
      title: 'Same',
      head: () => '',
      parts: names.map((name) => ({ name: `part-${name}`, render: () => '' })),
      duplex: true,
      dateSeed: 0,
      kind: 'class pack',
    };
    // packChunks cuts five copies into chunks of three and two, as printed above.
    const output = new PackWriter(pack, writer, DATE);
    expect(output.chunkCount).toBe(2);
    await output.add(1, chunks[1]!.pdf);
    // The second chunk waits for the first: nothing is written yet.
    expect(readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.pdf'))).toEqual(
      [],
    );
    await output.add(0, chunks[0]!.pdf);
    expect(await output.finish()).toEqual({ pageCount: 10, copies: 5 });
    // Staged, not in place, until the run commits.
    expect(existsSync(path.join(out, 'class/pack.pdf'))).toBe(false);
    const [written] = await writer.commit();
    const bytes = readFileSync(path.join(out, 'class/pack.pdf'));
    const whole = await assemblePack(chunks, { title: 'Same', date: DATE, duplex: true });
    expect(bytes.equals(Buffer.from(whole.pdf))).toBe(true);
    expect(written).toEqual({ path: 'class/pack.pdf', bytes: bytes.length, sha256: sha256(bytes) });
  });
});
