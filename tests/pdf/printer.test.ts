import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIXED_DATE, NOTO_SERIF, REPO_ROOT, REPO_URL, TWO_PAGES, job } from './documents.js';
import { normalizePdf } from '../../src/pdf/normalize.js';
import { withPrinter } from '../../src/pdf/printer.js';
import { restampChromiumPdf } from '../../src/pdf/restamp.js';
import { pageSizes, readEmbeddedFonts, readPdfText } from './pdf-reading.js';
import { openSharedPrinter, type SharedPrinter } from './shared-printer.js';

const progress: string[] = [];
/** Pages enough for a tab to be replaced after printing them. */
const LONG = Array.from({ length: 10 }, (_, i) => `<p class="break">Page ${i + 2}.</p>`).join('');
let shared: SharedPrinter;

beforeAll(async () => {
  shared = await openSharedPrinter({
    env: process.env,
    onProgress: (done, total, name) => progress.push(`${done}/${total} ${name}`),
  });
});
afterAll(() => shared.close());

describe('printing a quiz document', () => {
  it('lays out pages by the document CSS, with running header and "Page x of y" footer', async () => {
    const [printed] = await shared.printer.printAll([job('two-pages', TWO_PAGES)]);
    const text = await readPdfText(printed!.pdf);
    expect(text.pages).toHaveLength(2);
    expect(printed!.pageCount).toBe(2);
    expect(text.pages[0]).toContain('Unit 3 quiz');
    expect(text.pages[0]).toContain('Page 1 of 2');
    expect(text.pages[0]).toContain('Reading check');
    expect(text.pages[1]).toContain('Page 2 of 2');
    expect(text.pages[1]).toContain('Question two.');
    expect(await pageSizes(printed!.pdf)).toEqual(['612x792', '612x792']);
    expect(text.title).toBe('Title of two-pages');
  });

  it('embeds the web font from @font-face, not a system font', async () => {
    const [printed] = await shared.printer.printAll([job('font', TWO_PAGES)]);
    const fonts = await readEmbeddedFonts(printed!.pdf);
    const embedded = fonts.filter((font) => font.file === 'FontFile2' || font.file === 'FontFile3');
    expect(embedded.map((font) => font.name)).toEqual(['NotoSerif-Regular']);
    // Descriptors without a font program would mean the reader's fonts are used instead.
    expect(fonts.every((font) => font.name === 'NotoSerif-Regular')).toBe(true);
  });

  it('gives byte-identical PDFs for the same job, in parallel tabs and in another browser', async () => {
    const same = job('again', TWO_PAGES);
    const [first, second] = await shared.printer.printAll([same, { ...same }]);
    // A second browser process, as in another run of handout.
    const [third] = await withPrinter({ env: process.env }, (other) => other.printAll([same]));
    expect(Buffer.from(first!.pdf).equals(Buffer.from(second!.pdf))).toBe(true);
    expect(Buffer.from(first!.pdf).equals(Buffer.from(third!.pdf))).toBe(true);
    const text = await readPdfText(first!.pdf);
    // Chromium's own date format: its file was patched in place, not rewritten by pdf-lib.
    expect(text.creationDate).toBe("D:20240902080000+00'00'");
    expect(text.modificationDate).toBe(text.creationDate);
  });

  it('changes nothing but the two dates when restamping a Chromium PDF', async () => {
    const [printed] = await shared.printer.printAll([job('restamp', TWO_PAGES)]);
    const original = printed!.pdf;
    const later = new Date(Date.UTC(2031, 11, 24, 23, 59, 58));
    const restamped = restampChromiumPdf(original, { title: 'Title of restamp', date: later });
    expect(restamped?.pageCount).toBe(2);
    const changed = [...original].flatMap((byte, at) => (restamped!.pdf[at] === byte ? [] : [at]));
    expect(restamped!.pdf.length).toBe(original.length);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThanOrEqual(2 * 14);
    expect((await readPdfText(restamped!.pdf)).creationDate).toBe("D:20311224235958+00'00'");
  });

  it('falls back to rewriting the file when the title differs from the one Chromium wrote', async () => {
    const [printed] = await shared.printer.printAll([job('fallback', TWO_PAGES)]);
    expect(
      restampChromiumPdf(printed!.pdf, { title: 'Another title', date: FIXED_DATE }),
    ).toBeUndefined();
    const rewritten = await normalizePdf(printed!.pdf, {
      title: 'Another  title',
      date: FIXED_DATE,
    });
    const text = await readPdfText(rewritten.pdf);
    expect(text).toMatchObject({ title: 'Another  title', creationDate: 'D:20240902080000Z' });
    expect(rewritten.pageCount).toBe(2);
    expect(text.pages[1]).toContain('Page 2 of 2');
  });

  it('never touches the network: remote images, styles and fonts are blocked and reported', async () => {
    const offline = job('offline', {
      head: '<link rel="stylesheet" href="https://example.com/remote.css">',
      body:
        '<p>Still printed.</p><img src="https://example.com/x.png" alt="">' +
        '<img src="http://192.0.2.1/tracker.gif" alt=""><iframe src="https://example.com/frame"></iframe>',
    });
    const [printed] = await shared.printer.printAll([offline]);
    expect(printed!.blockedUrls).toEqual([
      'http://192.0.2.1/tracker.gif',
      'https://example.com/frame',
      'https://example.com/remote.css',
      'https://example.com/x.png',
    ]);
    expect((await readPdfText(printed!.pdf)).pages[0]).toContain('Still printed.');
  });

  it('leaves nothing behind in the folder it printed from, even one made for it', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'handout-print-folder-'));
    try {
      // A pack's folder exists in out/ only once its file is written: the printer makes it.
      const inner = path.join(folder, 'quizzes', 'class');
      const image = pathToFileURL(path.join(REPO_ROOT, 'templates')).href;
      const [printed] = await shared.printer.printAll([
        job(
          'folder',
          { body: `<p>Printed here.</p><img src="${image}/missing.png">` },
          pathToFileURL(inner + path.sep).href,
        ),
      ]);
      expect((await readPdfText(printed!.pdf)).pages[0]).toContain('Printed here.');
      expect(printed!.blockedUrls).toEqual([]);
      expect(await readdir(inner)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('runs no JavaScript from the document', async () => {
    const scripted = job('scripted', {
      body:
        '<p>Static text.</p>' +
        '<script>document.body.insertAdjacentText("beforeend", "SCRIPT RAN")</script>' +
        '<p onclick="x()">Handler present.</p><img src="missing.png" onerror="document.write(\'ONERROR RAN\')">',
    });
    const [printed] = await shared.printer.printAll([scripted]);
    const page = (await readPdfText(printed!.pdf)).pages.join(' ');
    expect(page).toContain('Static text.');
    expect(page).not.toContain('RAN');
  });

  it('returns results in job order and reports progress by job name', async () => {
    progress.length = 0;
    // Jobs long enough that tabs are replaced as they print: while one tab
    // is replaced the other keeps printing, and each PDF still holds its own job.
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'];
    const printed = await shared.printer.printAll(
      names.map((name) => job(name, { body: `<p>Job ${name}</p>${LONG}` })),
    );
    expect(printed.map((p) => p.name)).toEqual(names);
    for (const [index, pdf] of printed.entries()) {
      expect((await readPdfText(pdf.pdf)).pages[0]).toContain(`Job ${names[index]}`);
    }
    expect(progress.map((line) => line.split(' ')[0])).toEqual(
      names.map((_, i) => `${i + 1}/${names.length}`),
    );
    expect(progress.map((line) => line.split(' ')[1]).sort()).toEqual(names);
  });

  it('gives a tab a successor once it has printed a large document, and lets short ones share a tab', async () => {
    // Twelve pages, each starting with a break.
    const questions = (name: string) =>
      Array.from({ length: 12 }, (_, i) => `<p class="break">Long ${name}, question ${i + 1}.</p>`);
    const short = (name: string) => job(name, { body: `<p>Short ${name}</p>` });
    // Sized as a pack's chunk is (print-packs.ts): the size stands for the work of printing it.
    const long = (name: string) => ({
      ...job(name, { body: questions(name).join('') }),
      size: 400_000,
    });
    // One tab, so that the count of tabs says which job was printed where.
    const run = (jobs: ReturnType<typeof job>[]) =>
      withPrinter({ env: process.env, concurrency: 1 }, async (printer) => {
        const printed = await printer.printAll(jobs);
        const texts = await Promise.all(
          printed.map(async (pdf) => (await readPdfText(pdf.pdf)).pages),
        );
        return { pageCounts: printed.map((pdf) => pdf.pageCount), texts, tabs: printer.tabsOpened };
      });
    const [oneShort, shortAfterLong, twoLong] = await Promise.all([
      run([long('one'), short('a')]),
      run([long('one'), ...['a', 'b', 'c', 'd', 'e'].map(short)]),
      run([long('one'), long('two')]),
    ]);
    // A short document (as the explanations booklet after a pack's last chunk) in the same tab.
    expect(oneShort.tabs).toBe(1);
    expect(oneShort.texts[1]).toEqual([expect.stringContaining('Short a')]);
    expect(shortAfterLong.pageCounts).toEqual([12, 1, 1, 1, 1, 1]);
    // Only one: the other four together in a fresh tab.
    expect(shortAfterLong.tabs).toBe(2);
    // A document printed in a tab that printed another before holds its own text only.
    expect(shortAfterLong.texts[1]).toEqual([expect.stringContaining('Short a')]);
    expect(shortAfterLong.texts[1]!.join('')).not.toContain('Long one');
    expect(shortAfterLong.texts[0]![0]).toContain('Long one');
    // A large document never follows another in the same tab.
    expect(twoLong.pageCounts).toEqual([12, 12]);
    expect(twoLong.tabs).toBe(2);
    expect(twoLong.texts[1]![0]).toContain('Long two');
  });

  it('says once that the browser is busy, when each tab has taken its first document', async () => {
    const events: string[] = [];
    const names = ['a', 'b', 'c'];
    await shared.printer.printEach(
      names.map((name) => {
        const { html, ...rest } = job(name, TWO_PAGES);
        return {
          ...rest,
          html: () => {
            events.push(`render ${name}`);
            return html as string;
          },
        };
      }),
      (index) => {
        events.push(`printed ${names[index]}`);
      },
      () => events.push('busy'),
    );
    expect(events.filter((event) => event === 'busy')).toHaveLength(1);
    // Both tabs' first documents (a and b, in the order given) were on their way before it.
    const before = events.slice(0, events.indexOf('busy'));
    expect(before).toEqual(expect.arrayContaining(['render a', 'render b']));
    expect(events.filter((event) => event.startsWith('printed')).sort()).toEqual([
      'printed a',
      'printed b',
      'printed c',
    ]);
    // With nothing to print, at once: whoever waits for it is not left waiting.
    let idle = false;
    await shared.printer.printEach(
      [],
      () => undefined,
      () => (idle = true),
    );
    expect(idle).toBe(true);
  });

  it("renders a tab's document only once the one before it is on its way to the browser", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'handout-print-turns-'));
    try {
      // Each job prints from a folder of its own, which the printer makes just before it
      // writes the document there and sends it to the browser.
      const jobIn = (name: string, render: () => string | Promise<string>) => {
        const { html, ...rest } = job(
          name,
          TWO_PAGES,
          pathToFileURL(path.join(folder, name) + path.sep).href,
        );
        return { ...rest, html: async () => (await render(), html as string) };
      };
      const seen: string[] = [];
      const sent = (name: string) => existsSync(path.join(folder, name));
      const jobs = [
        // Rendering a waits (as a chunk waits for its fonts to be staged): b is not rendered meanwhile.
        jobIn('a', () => new Promise<string>((resolve) => setTimeout(() => resolve(''), 300))),
        jobIn('b', () => (seen.push(`b rendered, a sent: ${sent('a')}`), '')),
        jobIn('c', () => (seen.push(`c rendered, b sent: ${sent('b')}`), '')),
      ];
      const printed: string[] = [];
      // With the browser running, as it is by the time a run's first chunk is rendered.
      await shared.printer.printAll([job('running', TWO_PAGES)]);
      await shared.printer.printEach(jobs, (index) => void printed.push(jobs[index]!.name));
      expect(seen).toEqual(['b rendered, a sent: true', 'c rendered, b sent: true']);
      expect(printed.sort()).toEqual(['a', 'b', 'c']);
      // While the browser is still starting, Node renders the next document instead of waiting.
      seen.length = 0;
      await withPrinter({ env: process.env }, (fresh) =>
        fresh.printEach(
          [
            jobIn('d', () => ''),
            jobIn('e', () => (seen.push(`e rendered, d sent: ${sent('d')}`), '')),
          ],
          () => undefined,
        ),
      );
      expect(seen).toEqual(['e rendered, d sent: false']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("hands each PDF on once its tab has the next document, and stops at the caller's error", async () => {
    const events: string[] = [];
    const names = ['a', 'b', 'c'];
    const jobs = names.map((name) => {
      const { html, ...rest } = job(name, TWO_PAGES);
      return {
        ...rest,
        html: () => {
          events.push(`render ${name}`);
          return html as string;
        },
      };
    });
    // One tab, so that the order is the printer's, not a race between tabs.
    await withPrinter({ env: process.env, concurrency: 1 }, async (printer) => {
      await printer.printEach(jobs, (index) => {
        events.push(`printed ${names[index]}`);
      });
      // The browser printed b while a was handed on, and c while b was.
      expect(events).toEqual([
        'render a',
        'render b',
        'printed a',
        'render c',
        'printed b',
        'printed c',
      ]);
      events.length = 0;
      const failing = printer.printEach(jobs, (index) => {
        events.push(`printed ${names[index]}`);
        throw new Error(`could not write ${names[index]}`);
      });
      await expect(failing).rejects.toThrow('could not write a');
      // Nothing was handed on after the error.
      expect(events.filter((event) => event.startsWith('printed'))).toEqual(['printed a']);
    });
  });

  it('uses one browser for all of it', () => {
    expect(shared.printer.launches).toBe(1);
  });
});

describe('fileRoots', () => {
  let folder: string;
  let restricted: SharedPrinter;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'handout-roots-'));
    restricted = await openSharedPrinter({ env: process.env, fileRoots: [folder] });
  });
  afterAll(async () => {
    await restricted.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('blocks local files outside the allowed folders and the job folder', async () => {
    const fontOutside = new URL(NOTO_SERIF, REPO_URL).href;
    const baseUrl = pathToFileURL(folder + path.sep).href;
    const secret = pathToFileURL(path.join(REPO_ROOT, 'package.json')).href;
    const [printed] = await restricted.printer.printAll([
      job(
        'restricted',
        { body: `<p>Text</p><img src="${secret}">`, fontUrl: fontOutside },
        baseUrl,
      ),
    ]);
    expect(printed!.blockedUrls).toEqual([fontOutside, secret].sort());
    const fonts = await readEmbeddedFonts(printed!.pdf);
    expect(fonts.some((font) => font.name.startsWith('NotoSerif'))).toBe(false);
  });
});
