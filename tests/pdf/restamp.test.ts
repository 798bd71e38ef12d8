import { describe, expect, it } from 'vitest';
import { pdfString } from '../../src/pdf/pdf-syntax.js';
import { restampChromiumPdf } from '../../src/pdf/restamp.js';

describe('pdfString', () => {
  it('writes strings the way Chromium (Skia) does', () => {
    expect(pdfString('Plain title')).toBe('(Plain title)');
    expect(pdfString('Quiz (B) \\ back')).toBe('(Quiz \\(B\\) \\\\ back)');
    expect(pdfString('café')).toBe('<FEFF00630061006600E9>');
    expect(pdfString('emoji 😀')).toBe('<FEFF0065006D006F006A00690020D83DDE00>');
  });
});

describe('restampChromiumPdf', () => {
  const date = new Date(Date.UTC(2024, 8, 2, 8, 0, 0));
  const skiaLike = (info: string): Uint8Array =>
    new TextEncoder().encode(
      `%PDF-1.4\n1 0 obj\n<</Type /Pages\n/Count 2\n/Kids [2 0 R]>>\nendobj\n3 0 obj\n<<${info}>>\nendobj\n`,
    );

  it('patches both dates in place', () => {
    const input = skiaLike(
      "/Title (Quiz 1)\n/CreationDate (D:20261123144353+00'00')\n/ModDate (D:20261123144353+00'00')",
    );
    const result = restampChromiumPdf(input, { title: 'Quiz 1', date });
    const text = new TextDecoder().decode(result?.pdf);
    expect(text.length).toBe(input.length);
    expect(text).toContain(
      "/CreationDate (D:20240902080000+00'00')\n/ModDate (D:20240902080000+00'00')",
    );
    expect(result?.pageCount).toBe(2);
  });

  it('counts the pages from the page tree root, not from other nodes or outlines', () => {
    const info =
      "/Title (Quiz 1)\n/CreationDate (D:20261123144353+00'00')\n/ModDate (D:20261123144353+00'00')";
    const input = new TextEncoder().encode(
      [
        '%PDF-1.4',
        `1 0 obj\n<<${info}>>\nendobj`,
        '2 0 obj\n<</Type /Pages\n/Count 8\n/Kids [5 0 R]\n/Parent 4 0 R>>\nendobj',
        '3 0 obj\n<</Type /Pages\n/Count 3\n/Kids [6 0 R]\n/Parent 4 0 R>>\nendobj',
        '4 0 obj\n<</Type /Pages\n/Count 11\n/Kids [2 0 R 3 0 R]>>\nendobj',
        '7 0 obj\n<</Type /Outlines\n/Count 40>>\nendobj',
        '8 0 obj\n<</Type /PagesLike\n/Count 50>>\nendobj\n',
      ].join('\n'),
    );
    expect(restampChromiumPdf(input, { title: 'Quiz 1', date })?.pageCount).toBe(11);
  });

  it('gives up on anything unexpected, so that pdf-lib rewrites the file', () => {
    const dates = "/CreationDate (D:20261123144353+00'00')\n/ModDate (D:20261123144353+00'00')";
    const ok = { title: 'Quiz 1', date };
    expect(restampChromiumPdf(skiaLike(`/Title (Quiz 10)\n${dates}`), ok)).toBeUndefined();
    expect(
      restampChromiumPdf(skiaLike(`/Title (Quiz 1)\n/CreationDate (D:20261123144353Z)`), ok),
    ).toBeUndefined();
    expect(restampChromiumPdf(skiaLike(`/Title (Quiz 1)\n${dates}\n${dates}`), ok)).toBeUndefined();
    expect(
      restampChromiumPdf(skiaLike(`/Title (Quiz 1)\n${dates}`), {
        title: 'Quiz 1',
        date: new Date(Date.UTC(12345, 0)),
      }),
    ).toBeUndefined();
  });
});
