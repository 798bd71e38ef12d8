/**
 * Class packs with real Chromium: copies printed together keep exactly the
 * pages they have alone, and class keys are compact (a marking grid per
 * copy, one explanations booklet) unless --full-keys asks otherwise.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { withPrinter } from '../../src/pdf/printer.js';
import { runCli } from '../helpers/cli.js';
import { readPdfText } from '../pdf/pdf-reading.js';
import { files, quizProject } from './fixture.js';

const STUDENTS = ['k1', 'k2', 'k3'];
const PAGE_LABEL = /Page (\d+) of (\d+)/g;

let root: string;
let pack: string;

const read = (file: string) => readFileSync(path.join(pack, file));
const pdfText = async (file: string) => readPdfText(new Uint8Array(read(file)));
const html = (file: string) => cheerio.load(read(file).toString('utf8'));

/** A page's text without its "Page x of y", which Chromium and the pack write in different places. */
function body(page: string): string {
  return page.replace(PAGE_LABEL, '').replace(/\s+/g, ' ').trim();
}

async function isTagged(file: string): Promise<boolean> {
  const document = await PDFDocument.load(read(file), { updateMetadata: false });
  return document.catalog.has(PDFName.of('StructTreeRoot'));
}

beforeAll(async () => {
  root = quizProject();
  const result = await runCli(
    ['quiz', 'small-quiz', '--roster', 'class.csv', '--split', '--out', 'out'],
    root,
  );
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code).toBe(0);
  pack = path.join(root, 'out/quizzes/small-quiz/class');
}, 180_000);

describe('a class pack printed as one document', () => {
  it('gives every copy exactly the pages, page breaks and text it has when printed alone', async () => {
    const copies = path.join(pack, 'copies');
    const alone = await withPrinter({ env: process.env }, (printer) =>
      printer.printAll(
        STUDENTS.map((id) => ({
          name: id,
          html: readFileSync(path.join(copies, `${id}.html`), 'utf8'),
          baseUrl: pathToFileURL(copies + path.sep).href,
          title: id,
          date: new Date(0),
        })),
      ),
    );
    const packed = await pdfText('class-pack.pdf');
    let start = 0;
    for (const [i, id] of STUDENTS.entries()) {
      const single = (await readPdfText(alone[i]!.pdf)).pages;
      const cut = (await pdfText(`copies/${id}.pdf`)).pages;
      expect(cut.map(body), id).toEqual(single.map(body));
      expect(packed.pages.slice(start, start + cut.length)).toEqual(cut);
      cut.forEach((page, n) => {
        expect(page).toContain(`Page ${n + 1} of ${cut.length}`);
        expect(single[n]).toContain(`Page ${n + 1} of ${cut.length}`);
        // The running header names the student on every page of their copy.
        expect(page).toContain(`(${id})`);
      });
      start += cut.length;
    }
    expect(packed.pages).toHaveLength(start);
  }, 120_000);

  it('writes each copy’s own pages, rendered with its part of the pack, as an HTML-only run does', async () => {
    const result = await runCli(
      ['quiz', 'small-quiz', '--roster', 'class.csv', '--format', 'html', '--out', 'out-html'],
      root,
    );
    expect(result.code).toBe(0);
    const htmlOnly = files(path.join(root, 'out-html/quizzes/small-quiz/class/copies'));
    const printed = files(path.join(pack, 'copies'));
    expect([...htmlOnly.keys()].sort()).toEqual(
      STUDENTS.flatMap((id) => [`${id}-key.html`, `${id}.html`]).sort(),
    );
    for (const [name, bytes] of htmlOnly) expect(printed.get(name), name).toEqual(bytes);
  }, 60_000);

  it('leaves no copy in copies/ for a student taken off the roster since the last run', async () => {
    const roster = path.join(root, 'shrinking.csv');
    const run = () =>
      runCli(
        [
          'quiz',
          'small-quiz',
          '--roster',
          'shrinking.csv',
          '--format',
          'html',
          '--out',
          'out-shrink',
        ],
        root,
      );
    writeFileSync(roster, 'id,name\nk1,Amara Okafor\nk2,Ivan Sokolov\nk3,Li Xiaolong\n');
    expect((await run()).code).toBe(0);
    writeFileSync(roster, 'id,name\nk1,Amara Okafor\nk3,Li Xiaolong\n');
    const shrunk = await run();
    expect(shrunk.code).toBe(0);
    expect(shrunk.stdout).toContain(
      'Removed 2 files of an earlier run from out-shrink/quizzes/small-quiz/shrinking/copies/ that this run did not write again: k2-key.html, k2.html.',
    );
    const copies = files(path.join(root, 'out-shrink/quizzes/small-quiz/shrinking/copies'));
    expect([...copies.keys()].sort()).toEqual(['k1-key.html', 'k1.html', 'k3-key.html', 'k3.html']);
    const manifest = readFileSync(path.join(root, 'out-shrink/manifest.json'), 'utf8');
    expect(manifest).not.toContain('copies/k2');
  }, 60_000);

  it('removes the copies an earlier run wrote when a run writes none (PDF without --split), and says so', async () => {
    const roster = path.join(root, 'pdf-after-html.csv');
    const run = (format: string) =>
      runCli(
        [
          'quiz',
          'small-quiz',
          '--roster',
          'pdf-after-html.csv',
          '--format',
          format,
          '--out',
          'out-pdf-after-html',
        ],
        root,
      );
    writeFileSync(roster, 'id,name\nk1,Amara Okafor\nk2,Ivan Sokolov\nk3,Li Xiaolong\n');
    const html = await run('html');
    expect(html.code).toBe(0);
    expect(html.stdout).not.toContain('Removed');
    // k2 leaves the class; the teacher now prints the pack only.
    writeFileSync(roster, 'id,name\nk1,Amara Okafor\nk3,Li Xiaolong\n');
    const pdf = await run('pdf');
    expect(pdf.code).toBe(0);
    const folder = 'out-pdf-after-html/quizzes/small-quiz/pdf-after-html';
    expect(existsSync(path.join(root, folder, 'copies'))).toBe(false);
    expect(existsSync(path.join(root, folder, 'class-pack.pdf'))).toBe(true);
    expect(pdf.stdout).toContain(
      `Removed ${folder}/copies/ (6 files of an earlier run): this run writes nothing there.`,
    );
    const manifest = readFileSync(path.join(root, 'out-pdf-after-html/manifest.json'), 'utf8');
    expect(manifest).not.toContain('copies/');
  }, 120_000);

  it('prints packs untagged and documents that stand alone tagged', async () => {
    expect(await isTagged('class-pack.pdf')).toBe(false);
    expect(await isTagged('class-keys.pdf')).toBe(false);
    expect(await isTagged('explanations.pdf')).toBe(true);
  });

  it("says what to fix when a project's own layout has lost the marks of each copy", async () => {
    const own = quizProject();
    mkdirSync(path.join(own, 'templates'));
    writeFileSync(
      path.join(own, 'templates/layout.njk'),
      '<!doctype html><html><head><style>{% block styles %}{% endblock %}</style></head><body>{% block body %}{% endblock %}</body></html>',
    );
    const result = await runCli(
      ['quiz', 'small-quiz', '--roster', 'class.csv', '--format', 'pdf', '--out', 'out'],
      own,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('templates/layout.njk');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const left = existsSync(path.join(own, 'out')) ? [...files(path.join(own, 'out')).keys()] : [];
    expect(left).toEqual([]);
  }, 120_000);
});

describe('compact class keys', () => {
  it("give each copy one marking-grid page in that copy's own letters", async () => {
    const keys = await pdfText('class-keys.pdf');
    expect(keys.pages).toHaveLength(STUDENTS.length);
    const booklet = html('explanations.html');
    const answerOf = new Map(
      booklet('article.key-item')
        .toArray()
        .map((entry) => [
          booklet(entry).attr('data-number'),
          booklet(entry).find('.correct').first().text().trim(),
        ]),
    );
    let singleChoiceChecked = 0;
    for (const [i, id] of STUDENTS.entries()) {
      const copy = html(`copies/${id}.html`);
      const grid = html(`copies/${id}-key.html`);
      const rows = grid('.key-grid tbody tr').toArray();
      expect(rows).toHaveLength(copy('fieldset.item').length);
      expect(keys.pages[i]).toContain(`(${id})`);
      expect(keys.pages[i]).toContain('Page 1 of 1');
      for (const row of rows) {
        const [number, answer, points, , explained] = grid(row)
          .children()
          .toArray()
          .map((cell) => grid(cell).text().trim());
        expect(keys.pages[i]).toContain(`${number} ${answer} ${points}`);
        const item = copy(`fieldset#q${number}`);
        // The grid points to the booklet entry of this very question.
        const entry = booklet(`article[data-number="${explained!.replace('no. ', '')}"]`);
        expect(entry.attr('data-question')).toBe(item.attr('data-question'));
        if (item.attr('data-type') !== 'single') continue;
        // The letter in the grid is the letter this copy gives the booklet's answer.
        const right = item
          .find('li[data-letter]')
          .toArray()
          .find((li) =>
            copy(li)
              .find('label')
              .text()
              .includes(answerOf.get(entry.attr('data-number'))!),
          );
        expect(copy(right).attr('data-letter'), `${id} question ${number}`).toBe(answer);
        singleChoiceChecked += 1;
      }
    }
    expect(singleChoiceChecked).toBeGreaterThanOrEqual(5 * STUDENTS.length);
  });

  it('explain every question of the class once, in one booklet', async () => {
    const booklet = html('explanations.html');
    const explained = booklet('article.key-item')
      .toArray()
      .map((entry) => booklet(entry).attr('data-question'));
    const asked = new Set(
      STUDENTS.flatMap((id) => {
        const copy = html(`copies/${id}.html`);
        return copy('fieldset.item')
          .toArray()
          .map((item) => copy(item).attr('data-question'));
      }),
    );
    expect(new Set(explained).size).toBe(explained.length);
    expect(new Set(explained)).toEqual(asked);
    const text = (await pdfText('explanations.pdf')).pages.join(' ').replace(/\s+/g, ' ');
    for (const entry of booklet('article.key-item').toArray()) {
      const prompt = booklet(entry).find('h3').text().replace(/\s+/g, ' ').trim();
      expect(text).toContain(prompt.slice(0, 30));
    }
    expect(text).toMatch(/\bWhy\b/i);
    expect(text).toMatch(/¶\d+/);
  });

  it('stay available in full, one key per copy, with --full-keys', async () => {
    const result = await runCli(
      [
        'quiz',
        'small-quiz',
        '--roster',
        'class.csv',
        '--full-keys',
        '--format',
        'pdf',
        '--out',
        'out-full',
      ],
      root,
    );
    expect(result.code).toBe(0);
    const full = path.join(root, 'out-full/quizzes/small-quiz/class');
    expect(existsSync(path.join(full, 'explanations.pdf'))).toBe(false);
    const keys = await readPdfText(new Uint8Array(readFileSync(path.join(full, 'class-keys.pdf'))));
    const text = keys.pages.join(' ');
    expect(text.match(/Answers, explanations and sources/g)).toHaveLength(STUDENTS.length);
    const manifest = JSON.parse(
      readFileSync(path.join(root, 'out-full/manifest.json'), 'utf8'),
    ) as {
      command: string;
    };
    expect(manifest.command).toContain('--full-keys');
  }, 180_000);
});
