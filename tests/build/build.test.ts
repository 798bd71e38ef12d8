/** End to end with real Chromium: what a teacher gets in out/, byte for byte. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readEmbeddedFonts, readPdfText } from '../pdf/pdf-reading.js';
import { files, quizProject } from './fixture.js';

describe('handout quiz, printed', () => {
  let root: string;
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    root = quizProject();
    first = await runCli(
      ['quiz', 'small-quiz', '--roster', 'class.csv', '--duplex', '--split', '--out', 'out-1'],
      root,
    );
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(first.code).toBe(0);
  }, 180_000);

  it('gives byte-identical files, PDFs included, for the same inputs and seed', async () => {
    const again = await runCli(
      ['quiz', 'small-quiz', '--roster', 'class.csv', '--duplex', '--split', '--out', 'out-2'],
      root,
    );
    expect(again.code).toBe(0);
    const a = files(path.join(root, 'out-1'));
    const b = files(path.join(root, 'out-2'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a.keys()].filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(8);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
  }, 180_000);

  it('prints different questions for a different seed', async () => {
    const other = await runCli(
      ['quiz', 'small-quiz', '--seed', '12', '--format', 'html', '--out', 'out-3'],
      root,
    );
    expect(other.code).toBe(0);
    const a = readFileSync(
      path.join(root, 'out-1/quizzes/small-quiz/class/copies/k1.html'),
      'utf8',
    );
    const version = readFileSync(
      path.join(root, 'out-3/quizzes/small-quiz/version-A.html'),
      'utf8',
    );
    const ids = (html: string) =>
      [...html.matchAll(/data-question="([^"]+)"/g)].map((m) => m[1]).join(',');
    expect(ids(version)).not.toBe(
      ids(readFileSync(path.join(root, 'out-1/quizzes/small-quiz/class/copies/k2.html'), 'utf8')),
    );
    expect(ids(a).length).toBeGreaterThan(0);
  });

  it("puts each student's name, the questions and page x of y in their PDF, with embedded fonts only", async () => {
    const html = readFileSync(
      path.join(root, 'out-1/quizzes/small-quiz/class/copies/k2.html'),
      'utf8',
    );
    const pdf = new Uint8Array(
      readFileSync(path.join(root, 'out-1/quizzes/small-quiz/class/copies/k2.pdf')),
    );
    const { pages, title } = await readPdfText(pdf);
    const text = pages.join(' ');
    expect(text).toContain('Иван Соколов');
    expect(title).toContain('Иван Соколов');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(4);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(text).toContain('seed 11');
    // Every question's opening words are in the PDF.
    for (const [, legend] of html.matchAll(
      /<legend><span class="num">\d+\.<\/span> ([^<]{12,40})/g,
    )) {
      expect(text.replace(/\s+/g, ' ')).toContain(
        legend!
          .slice(0, 12)
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      );
    }
    const fonts = await readEmbeddedFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^Noto(Sans|Serif)/);
      expect(font.file).toBeDefined();
    }
  });

  it('makes a class pack where, printed double-sided, every copy starts on an odd page', async () => {
    const pack = await readPdfText(
      new Uint8Array(
        readFileSync(path.join(root, 'out-1/quizzes/small-quiz/class/class-pack.pdf')),
      ),
    );
    const pageCount = async (id: string) =>
      (
        await readPdfText(
          new Uint8Array(
            readFileSync(path.join(root, `out-1/quizzes/small-quiz/class/copies/${id}.pdf`)),
          ),
        )
      ).pages.length;
    const singles = await Promise.all(['k1', 'k2', 'k3'].map(pageCount));
    const padded = singles.map((n) => n + (n % 2));
    expect(pack.pages.length).toBe(padded.reduce((a, b) => a + b, 0) - (singles[2]! % 2));
    let start = 0;
    for (const [i, name] of ['Okafor, Amara', 'Иван Соколов', '李小龙'].entries()) {
      expect(start % 2).toBe(0);
      expect(pack.pages[start]).toContain('Page 1 of');
      expect(pack.pages[start]).toContain(name.split(',')[0]!);
      start += padded[i]!;
    }
  });

  it('makes class keys where, printed double-sided, every marking grid starts on an odd page', async () => {
    const keys = await readPdfText(
      new Uint8Array(
        readFileSync(path.join(root, 'out-1/quizzes/small-quiz/class/class-keys.pdf')),
      ),
    );
    // One marking-grid page per copy, then a blank back, but none after the last.
    expect(keys.pages).toHaveLength(5);
    for (const [i, name] of ['Okafor, Amara', 'Иван Соколов', '李小龙'].entries()) {
      expect(keys.pages[2 * i]).toContain('Marking grid');
      expect(keys.pages[2 * i]).toContain(name.split(',')[0]!);
      expect(keys.pages[2 * i]).toContain('Page 1 of 1');
    }
    expect(keys.pages[1]!.trim()).toBe('');
    expect(keys.pages[3]!.trim()).toBe('');
  });

  it('makes no network request: a remote image is refused and reported, and the PDF is still made', async () => {
    expect(first.stderr).toContain('https://example.com/alaska-map.png was not loaded');
    expect(existsSync(path.join(root, 'out-1/quizzes/small-quiz/class/class-keys.pdf'))).toBe(true);
  });

  it('writes a manifest with every file, its hash, the seed, the command and the inputs', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'out-1/manifest.json'), 'utf8')) as {
      command: string;
      seeds: Record<string, number>;
      inputs: { path: string }[];
      files: { path: string; sha256: string }[];
    };
    expect(manifest.command).toBe('handout quiz small-quiz --roster class.csv --split --duplex');
    expect(manifest.seeds).toEqual({ 'small-quiz': 11 });
    expect(manifest.inputs.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'questions/quizzes/small-quiz.yaml',
        'class.csv',
        'corpus/lavrov-studying-proposals-2013.md',
      ]),
    );
    const written = files(path.join(root, 'out-1'));
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      [...written.keys()].filter((f) => f !== 'manifest.json').sort(),
    );
  });

  it('starts no browser for HTML only: a missing --chromium does not matter', async () => {
    const html = await runCli(
      ['quiz', 'small-quiz', '--format', 'html', '--out', 'out-html', '--chromium', '/nonexistent'],
      root,
    );
    expect(html.stderr).not.toContain('/nonexistent');
    expect(html.code).toBe(0);
    expect(existsSync(path.join(root, 'out-html/quizzes/small-quiz/version-A.html'))).toBe(true);
  });

  it('leaves no half-written file when a run fails', async () => {
    const result = await runCli(
      ['quiz', 'small-quiz', '--out', 'out-failed', '--chromium', '/nonexistent/chromium'],
      root,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/nonexistent/chromium');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const left = existsSync(path.join(root, 'out-failed'))
      ? files(path.join(root, 'out-failed'))
      : new Map();
    expect([...left.keys()]).toEqual([]);
  });
});
