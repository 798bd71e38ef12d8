/** Class packs from copies printed together by real Chromium (src/pdf/pack.ts). */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PDFDocument, PageSizes, StandardFonts } from 'pdf-lib';
import { assemblePack, type PrintedChunk } from '../../src/pdf/pack.js';
import { normalizePdf } from '../../src/pdf/normalize.js';
import { NOTO_SERIF, REPO_URL } from './documents.js';
import { pageSizes, readEmbeddedFonts, readPdfText, textPositions } from './pdf-reading.js';
import { openSharedPrinter, type SharedPrinter } from './shared-printer.js';

const DATE = new Date(Date.UTC(2024, 0, 15, 9, 30, 0));

/** A one-part PDF made with pdf-lib, for normalizePdf. */
async function part(label: string, pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pages; number++) {
    document.addPage(PageSizes.Letter).drawText(`${label}${number}`, { x: 50, y: 50, font });
  }
  return document.save();
}

/**
 * Copies as templates/layout.njk lays them out in a pack: each on its own
 * named page, with a link to itself so that Chromium records where it
 * starts. `copies` maps a copy's label to its page count ("B" with 2 pages
 * prints "B1" and "B2").
 */
function chunkHtml(copies: [string, number][], paper = 'letter'): string {
  const parts = copies.map(([label, pages]) => {
    const body = Array.from(
      { length: pages },
      (_, i) => `<p${i ? ' class="break"' : ''}>${label}${i + 1}</p>`,
    ).join('');
    return `<div id="part-${label}" style="page: part-${label}"><a href="#part-${label}" hidden></a>${body}</div>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face { font-family: 'Quiz Serif'; src: url('${NOTO_SERIF}') format('woff2'); }
@page { size: ${paper}; margin: 17mm 16mm 18mm 16mm; }
body { font-family: 'Quiz Serif'; }
.break { break-before: page; }
</style></head><body>${parts.join('')}</body></html>`;
}

async function printChunk(copies: [string, number][], paper?: string): Promise<PrintedChunk> {
  const [printed] = await shared.printer.printAll([
    {
      name: copies.map(([label]) => label).join(''),
      html: chunkHtml(copies, paper),
      baseUrl: REPO_URL,
      title: 'chunk',
      date: DATE,
      tagged: false,
    },
  ]);
  return { pdf: printed!.pdf, parts: copies.map(([label]) => `part-${label}`) };
}

let shared: SharedPrinter;
let chunks: PrintedChunk[];

beforeAll(async () => {
  shared = await openSharedPrinter({ env: process.env });
  chunks = [
    await printChunk([
      ['A', 3],
      ['B', 1],
    ]),
    await printChunk(
      [
        ['C', 2],
        ['D', 1],
      ],
      'A4',
    ),
  ];
}, 60_000);
afterAll(() => shared.close());

afterEach(() => {
  vi.useRealTimers();
});

describe('assemblePack', () => {
  it('finds where each copy starts and numbers its pages within the copy', async () => {
    const pack = await assemblePack(chunks, { title: 'Class set', date: DATE, duplex: false });
    expect(pack.pageCount).toBe(7);
    expect(pack.parts).toEqual([
      { pageCount: 3, firstPage: 1 },
      { pageCount: 1, firstPage: 4 },
      { pageCount: 2, firstPage: 5 },
      { pageCount: 1, firstPage: 7 },
    ]);
    const text = await readPdfText(pack.pdf);
    expect(text.pages).toEqual([
      'A1 Page 1 of 3',
      'A2 Page 2 of 3',
      'A3 Page 3 of 3',
      'B1 Page 1 of 1',
      'C1 Page 1 of 2',
      'C2 Page 2 of 2',
      'D1 Page 1 of 1',
    ]);
    expect(text.title).toBe('Class set');
    expect(text.creationDate).toBe('D:20240115093000Z');
  });

  it('writes the numbers in the bundled Noto Sans, embedded, where the layout puts them', async () => {
    const pack = await assemblePack(chunks, { title: 'Class set', date: DATE, duplex: false });
    const fonts = await readEmbeddedFonts(pack.pdf);
    expect(fonts.filter((font) => font.name.startsWith('NotoSans'))).toEqual([
      expect.objectContaining({ file: 'FontFile2' }),
    ]);
    for (const font of fonts) expect(font.file, font.name).toBeDefined();
    // Right-aligned 45 pt from the right edge, baseline 22.5 pt from the bottom, on letter and A4 alike.
    const positions = await textPositions(pack.pdf, /^Page \d+ of \d+$/);
    expect(positions).toHaveLength(7);
    for (const { right, baseline, pageWidth } of positions) {
      expect(pageWidth - right).toBeCloseTo(45, 0);
      expect(baseline).toBeCloseTo(22.5, 1);
    }
  });

  it('for duplex, starts every copy on an odd page with a blank of the same size', async () => {
    const pack = await assemblePack(chunks, { title: 'Class set', date: DATE, duplex: true });
    expect(pack.parts.map((p) => p.firstPage)).toEqual([1, 5, 7, 9]);
    // No blank after the last copy: there is no next copy to push to a new sheet.
    expect(pack.pageCount).toBe(9);
    const text = await readPdfText(pack.pdf);
    expect(text.pages.map((page) => page.split(' ')[0] ?? '')).toEqual([
      'A1',
      'A2',
      'A3',
      '',
      'B1',
      '',
      'C1',
      'C2',
      'D1',
    ]);
    const letter = '612x792';
    const a4 = '595x842';
    expect(await pageSizes(pack.pdf)).toEqual([
      letter,
      letter,
      letter,
      letter,
      letter,
      letter,
      a4,
      a4,
      a4,
    ]);
  });

  it("cuts each copy's own file from the same printed pages", async () => {
    const split = ['A', 'B', 'C', 'D'].map((label) => ({ title: `Copy ${label}`, date: DATE }));
    const pack = await assemblePack(chunks, { title: 'Set', date: DATE, duplex: true, split });
    const c = await readPdfText(pack.parts[2]!.pdf!);
    expect(c.pages).toEqual(['C1 Page 1 of 2', 'C2 Page 2 of 2']);
    expect(c.title).toBe('Copy C');
    expect((await readPdfText(pack.parts[0]!.pdf!)).pages).toHaveLength(3);
    const partial = await assemblePack(chunks, {
      title: 'Set',
      date: DATE,
      duplex: false,
      split: [undefined, split[1], undefined, undefined],
    });
    expect(partial.parts.map((p) => p.pdf !== undefined)).toEqual([false, true, false, false]);
  });

  it('gives the same bytes whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2030, 5, 1)));
    const first = await assemblePack(chunks, { title: 'Set', date: DATE, duplex: true });
    vi.setSystemTime(new Date(Date.UTC(2031, 0, 1, 12, 0, 1)));
    const second = await assemblePack(chunks, { title: 'Set', date: DATE, duplex: true });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
  });

  it('refuses a pack of nothing, and a copy it cannot find in the printed pages', async () => {
    await expect(assemblePack([], { title: 'Empty', date: DATE, duplex: false })).rejects.toThrow(
      RangeError,
    );
    const lost = { pdf: chunks[0]!.pdf, parts: ['part-A', 'part-Z'] };
    await expect(
      assemblePack([lost], { title: 'Lost', date: DATE, duplex: false }),
    ).rejects.toThrow('part-Z');
    const swapped = { pdf: chunks[0]!.pdf, parts: ['part-B', 'part-A'] };
    await expect(
      assemblePack([swapped], { title: 'Swapped', date: DATE, duplex: false }),
    ).rejects.toThrow('part-B');
  });
});

describe('normalizePdf', () => {
  it('replaces the dates and title and ignores the clock', async () => {
    const original = await part('A', 1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2030, 5, 1)));
    const first = await normalizePdf(original, { title: 'Quiz 1 – version B', date: DATE });
    vi.setSystemTime(new Date(Date.UTC(2032, 5, 1)));
    const second = await normalizePdf(original, { title: 'Quiz 1 – version B', date: DATE });
    expect(first.pageCount).toBe(1);
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
    const text = await readPdfText(first.pdf);
    expect(text).toMatchObject({ title: 'Quiz 1 – version B', creationDate: 'D:20240115093000Z' });
    expect(text.modificationDate).toBe(text.creationDate);
  });

  it('refuses an invalid date rather than writing garbage', async () => {
    await expect(
      normalizePdf(await part('A', 1), { title: 'x', date: new Date(Number.NaN) }),
    ).rejects.toThrow(RangeError);
  });
});
