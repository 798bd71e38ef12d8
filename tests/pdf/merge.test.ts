import { afterEach, describe, expect, it, vi } from 'vitest';
import { PDFDocument, PageSizes, StandardFonts } from 'pdf-lib';
import { mergePdfs } from '../../src/pdf/merge.js';
import { normalizePdf } from '../../src/pdf/normalize.js';
import { pageSizes, readPdfText } from './pdf-reading.js';

const DATE = new Date(Date.UTC(2024, 0, 15, 9, 30, 0));

/** A part whose pages say which part and page they are, e.g. "B2". */
async function part(
  label: string,
  pages: number,
  size: [number, number] = PageSizes.Letter,
): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= pages; number++) {
    document.addPage(size).drawText(`${label}${number}`, { x: 50, y: 50, font });
  }
  return document.save();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('mergePdfs', () => {
  it('puts the parts one after another, each on a new page', async () => {
    const merged = await mergePdfs([await part('A', 3), await part('B', 1), await part('C', 2)], {
      title: 'Class set',
      date: DATE,
    });
    expect(merged.pageCount).toBe(6);
    expect(merged.parts).toEqual([
      { pageCount: 3, firstPage: 1 },
      { pageCount: 1, firstPage: 4 },
      { pageCount: 2, firstPage: 5 },
    ]);
    const text = await readPdfText(merged.pdf);
    expect(text.pages).toEqual(['A1', 'A2', 'A3', 'B1', 'C1', 'C2']);
    expect(text.title).toBe('Class set');
    expect(text.creationDate).toBe('D:20240115093000Z');
  });

  it('for duplex, starts every part on an odd page with a blank of the same size', async () => {
    const merged = await mergePdfs(
      [
        await part('A', 3),
        await part('B', 1, PageSizes.A4),
        await part('C', 2),
        await part('D', 1),
      ],
      { title: 'Class set', date: DATE, duplex: true },
    );
    expect(merged.parts).toEqual([
      { pageCount: 3, firstPage: 1 },
      { pageCount: 1, firstPage: 5 },
      { pageCount: 2, firstPage: 7 },
      { pageCount: 1, firstPage: 9 },
    ]);
    // No blank after the last part: there is no next part to push to a new sheet.
    expect(merged.pageCount).toBe(9);
    expect((await readPdfText(merged.pdf)).pages).toEqual([
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
    expect(await pageSizes(merged.pdf)).toEqual([
      letter,
      letter,
      letter,
      letter,
      a4,
      a4,
      letter,
      letter,
      letter,
    ]);
  });

  it('gives the same bytes whatever the clock says', async () => {
    const parts = [await part('A', 1), await part('B', 2)];
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2030, 5, 1)));
    const first = await mergePdfs(parts, { title: 'Set', date: DATE, duplex: true });
    vi.setSystemTime(new Date(Date.UTC(2031, 0, 1, 12, 0, 1)));
    const second = await mergePdfs(parts, { title: 'Set', date: DATE, duplex: true });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
  });

  it('refuses to make a PDF of nothing', async () => {
    await expect(mergePdfs([], { title: 'Empty', date: DATE })).rejects.toThrow(RangeError);
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
