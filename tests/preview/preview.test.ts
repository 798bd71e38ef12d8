/**
 * The live preview end to end: a real server on a temporary project, pages
 * opened in a real Chromium, files edited the way editors save them.
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/pdf/chromium.js';
import { chromiumArgs } from '../../src/pdf/browser.js';
import { startPreview, type Preview } from '../../src/preview/server.js';
import { runCli } from '../helpers/cli.js';
import { ARTICLE, makeProject, REPO } from '../helpers/project.js';
import { openSharedPrinter, type SharedPrinter } from '../pdf/shared-printer.js';
import { readPdfText } from '../pdf/pdf-reading.js';

const STEM = 'What did Moscow still want?';

function question(id: string, prompt: string, paragraph = 2): string {
  return `  - id: ${id}
    type: single
    passages: ${ARTICLE}#p${paragraph}
    prompt: ${prompt}
    answer: Guarantees about the system's use
    distractors: [Full NATO membership, A share of the contracts]
    evidence: still wants guarantees that the system would not be used against Russia
`;
}

const BANK = `questions:
${question('guarantees', STEM)}${Array.from({ length: 11 }, (_, i) => question(`filler-${i + 1}`, `Filler question number ${i + 1} about the guarantees?`)).join('')}`;

function smallProject(): string {
  return makeProject({
    'questions/bank.yaml': BANK,
    'questions/quizzes/unit.yaml': `id: unit
title: Unit quiz
seed: 5
versions: 2
roster: ../rosters/class.csv
sections:
  - title: Choice
    pick: 12
    from: { types: [single] }
`,
    'questions/rosters/class.csv': 'id,name\ns1,Ana Pérez\ns2,Иван Соколов\n',
    'questions/briefings/reading.yaml': `id: reading
title: Reading briefing
overview: What Lavrov said in Brussels.
for_quiz: unit
`,
  });
}

/** Saves like many editors: write a temporary file beside it, then rename it over the original. */
function saveAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** A raw request, the path sent exactly as given (no client-side normalisation). */
function get(
  port: number,
  target: string,
  options: { host?: string; method?: string } = {},
): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${port}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * How long a page may take to show a change before the test gives up. Not a
 * figure the test asserts (bench/preview.mjs measures save-to-repaint): a
 * loaded machine is slow, and waiting for the condition itself is what
 * keeps these tests from failing there.
 */
const PATIENCE_MS = 30_000;

/** Polls the page's text (across the reloads the preview triggers) until it satisfies `ok`. */
async function waitForText(
  page: Page,
  ok: (text: string) => boolean,
  ms = PATIENCE_MS,
): Promise<string> {
  const deadline = Date.now() + ms;
  let text = '';
  while (Date.now() < deadline) {
    try {
      text = await page.evaluate(() => document.body?.innerText ?? '');
      if (ok(text)) return text;
    } catch {
      // The page is between two documents (reloading): look again.
    }
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  throw new Error(
    `page text did not change as expected within ${ms} ms; it reads:\n${text.slice(0, 600)}`,
  );
}

/** Waits for a condition of this process (the preview's log) to hold. */
async function until(ok: () => boolean, ms = PATIENCE_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const HOOK = /<script src="\/_preview\/live\.js" data-generation="[^"]*" defer><\/script>\n/;

describe('handout preview', () => {
  let root: string;
  let preview: Preview;
  let printer: SharedPrinter;
  let browser: Browser;
  const log: string[] = [];
  const printed: string[] = [];
  let base: string;

  beforeAll(async () => {
    root = smallProject();
    printer = await openSharedPrinter({ env: process.env });
    preview = await startPreview({
      root,
      cwd: root,
      host: '127.0.0.1',
      port: 0,
      // The real printer, watched: which PDFs it is asked to print.
      printer: {
        printAll: (jobs) => {
          printed.push(...jobs.map((job) => job.name));
          return printer.printer.printAll(jobs);
        },
      },
      log: (line) => log.push(line),
    });
    base = preview.url;
    const { executablePath } = await findChromium({ env: process.env });
    const { default: puppeteer } = await import('puppeteer');
    browser = await puppeteer.launch({
      executablePath,
      args: chromiumArgs(process.getuid?.() === 0),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    await printer?.close();
  });

  // A test that fails half-way leaves no page open for the next one to count.
  afterEach(async () => {
    for (const page of (await browser?.pages()) ?? [])
      if (page.url() !== 'about:blank') await page.close();
    await preview?.settled();
  });

  it('serves only on 127.0.0.1 and lists every page handout build would write', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = (await get(preview.port, '/')).body.toString();
    for (const link of [
      'quizzes/unit/version-A.html',
      'quizzes/unit/version-B-key.html',
      'quizzes/unit/version-A.pdf',
      'quizzes/unit/class/copies/s2.html',
      'briefings/reading/teacher.html',
      'briefings/reading/open-book-unit-A.html',
    ])
      expect(index).toContain(`href="/${link}"`);
    expect(index).toContain('Иван Соколов');
  });

  it('serves a copy, its key and a briefing exactly as handout build writes them, apart from the reload hook', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'handout-preview-out-'));
    const built = await runCli(['build', '--format', 'html', '--out', out, '--quiet'], root);
    expect(built.code, built.stderr).toBe(0);
    for (const page of [
      'quizzes/unit/version-A.html',
      'quizzes/unit/version-B-key.html',
      'quizzes/unit/class/copies/s1.html',
      'briefings/reading/student.html',
      'briefings/reading/open-book-unit-B.html',
    ]) {
      const served = (await get(preview.port, `/${page}`)).body.toString();
      expect(served, page).toMatch(HOOK);
      expect(served.replace(HOOK, ''), page).toBe(readFileSync(path.join(out, page), 'utf8'));
    }
    const fonts = await get(preview.port, '/assets/fonts.css');
    expect(fonts.body.toString()).toBe(readFileSync(path.join(out, 'assets/fonts.css'), 'utf8'));
  });

  it("shows an edited stem in the open page in place, at the same scroll position, for under 1 s of the preview's work", async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 900, height: 400 });
    await page.goto(`${base}quizzes/unit/version-A.html`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.body.innerText)).toContain(STEM);
    await page.evaluate(() => window.scrollTo(0, 700));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(600);

    // Set on this document: a reload from scratch would lose it, an update in place keeps it.
    await page.evaluate(() => ((window as { __kept?: number }).__kept = 1));

    const bank = path.join(root, 'questions/bank.yaml');
    // The preview runs in this process: its CPU time, unlike the wall clock, does not grow
    // with the machine's load (bench/preview.mjs gives save-to-repaint in wall time).
    const cpu = process.cpuUsage();
    saveAtomically(bank, BANK.replace(STEM, 'What did Moscow demand in writing?'));
    await waitForText(page, (text) => text.includes('What did Moscow demand in writing?'));
    await preview.settled();
    const { user, system } = process.cpuUsage(cpu);
    expect((user + system) / 1000).toBeLessThan(1000);
    expect(await page.evaluate(() => (window as { __kept?: number }).__kept)).toBe(1);
    await page.waitForFunction(
      (y) => Math.abs(window.scrollY - y) < 40,
      { timeout: PATIENCE_MS },
      before,
    );
    expect(log.at(-1)).toMatch(
      /^questions\/bank\.yaml changed · reloaded in \d+ ms · 1 open page rendered in \d+ ms$/,
    );
    await page.close();
  });

  it('shows the lint problem with file and line when the YAML breaks, and the page again once it is fixed', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}quizzes/unit/version-B.html`, { waitUntil: 'load' });
    const bank = path.join(root, 'questions/bank.yaml');
    const good = readFileSync(bank, 'utf8');
    // An unclosed flow sequence: a YAML syntax error a teacher easily makes.
    saveAtomically(
      bank,
      good.replace('distractors: [Full NATO membership,', 'distractors: [Full NATO membership'),
    );
    saveAtomically(
      bank,
      good.replace(
        '[Full NATO membership, A share of the contracts]',
        '[Full NATO membership, A share',
      ),
    );
    const broken = await waitForText(page, (text) => text.includes('The project has errors'));
    expect(broken).toMatch(/questions\/bank\.yaml:\d+:\d+ {2}error {2}\S/);
    // The same lines as handout lint run in the project folder.
    const lint = await runCli(['lint'], root);
    const firstLine = lint.stdout.split('\n')[0]!;
    expect(firstLine).toMatch(/^questions\/bank\.yaml:\d+:\d+/);
    expect(broken).toContain(firstLine);
    await preview.settled();
    expect(log.at(-1)).toMatch(
      /^questions\/bank\.yaml changed · \d+ errors?: 1 open page shows them/,
    );

    saveAtomically(bank, good);
    const back = await waitForText(
      page,
      (text) => text.includes('Unit quiz') && !text.includes('errors'),
    );
    expect(back).toContain('Version B');
    await page.close();
  });

  it('reloads once for a burst of saves', async () => {
    await preview.settled();
    const before = log.length;
    const bank = path.join(root, 'questions/bank.yaml');
    const text = readFileSync(bank, 'utf8');
    for (let i = 0; i < 5; i++) writeFileSync(bank, text);
    // A later save of another file, once the burst is reloaded: every event of the burst
    // came before its events, so whatever the burst caused is logged before its line.
    await until(() => log.length > before);
    await preview.settled();
    writeFileSync(path.join(root, 'questions/after-the-burst.txt'), 'a later save\n');
    await until(() =>
      log.some((line, i) => i >= before && line.startsWith('questions/after-the-burst.txt')),
    );
    await preview.settled();
    const lines = log.slice(before);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^questions\/bank\.yaml changed · /);
    expect(lines[1]).toMatch(/^questions\/after-the-burst\.txt changed · /);
  });

  it("follows the project's own templates: a broken one is named, a new one is used, a removed one is forgotten", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}quizzes/unit/version-A.html`, { waitUntil: 'load' });
    const override = path.join(root, 'templates/quiz/copy.njk');
    mkdirSync(path.dirname(override), { recursive: true });
    writeFileSync(
      override,
      '{% extends "layout.njk" %}{% block body %}{{ broken( }}{% endblock %}',
    );
    const broken = await waitForText(page, (text) => text.includes('could not be made'));
    expect(broken).toContain('quiz/copy.njk');
    saveAtomically(
      override,
      '{% extends "layout.njk" %}{% block body %}<h1>Our own copy, {{ quiz.title }}</h1>{% endblock %}',
    );
    await waitForText(page, (text) => text.includes('Our own copy, Unit quiz'));
    rmSync(path.join(root, 'templates'), { recursive: true });
    const back = await waitForText(page, (text) => text.includes('Filler question number 1'));
    expect(back).not.toContain('Our own copy');
    await page.close();
  });

  it('shows a page that no longer exists as missing, and brings it back when it does', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}quizzes/unit/class/copies/s2.html`, { waitUntil: 'load' });
    const roster = path.join(root, 'questions/rosters/class.csv');
    const students = readFileSync(roster, 'utf8');
    saveAtomically(roster, 'id,name\ns1,Ana Pérez\n');
    await waitForText(page, (text) => text.includes('No such page'));
    saveAtomically(roster, students);
    await waitForText(page, (text) => text.includes('Иван Соколов'));
    await page.close();
  });

  it('refuses path traversal, files outside the project, foreign Host headers and other methods', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'handout-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'TOP-SECRET-CONTENT');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'corpus', 'linked.txt'));
    mkdirSync(path.join(root, 'templates'), { recursive: true });
    symlinkSync(outside, path.join(root, 'templates', 'linked'));
    const port = preview.port;
    for (const target of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/assets/fonts/..%2f..%2f..%2fpackage.json',
      '/assets/..%5c..%5cpackage.json',
      '//etc/passwd',
      `/${encodeURIComponent(path.join(outside, 'secret.txt'))}`,
      `/${path.join(outside, 'secret.txt')}`,
      '/corpus/linked.txt',
      '/templates/linked/secret.txt',
      '/questions/bank.yaml',
      `/corpus/${ARTICLE}.md`,
      '/quizzes/unit/../../questions/bank.yaml',
      '/quizzes/',
      '/quizzes/unit/',
      '/assets/',
      '/assets/fonts/',
      '/.git/config',
      '/quizzes/unit/version-A.html%00.pdf',
    ]) {
      const answer = await get(port, target);
      expect(answer.status, target).toBe(404);
      expect(answer.body.toString(), target).not.toContain('TOP-SECRET');
      expect(answer.body.toString(), target).not.toContain('questions:');
    }
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const answer = await get(port, '/', { host });
      expect(answer.status, host).toBe(403);
      expect(answer.body.toString()).not.toContain('Unit quiz');
    }
    const local = await get(port, '/', { host: `localhost:${port}` });
    expect(local.status, local.body.toString()).toBe(200);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS'])
      expect((await get(port, '/', { method })).status, method).toBe(405);
    const head = await get(port, '/quizzes/unit/version-A.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('makes the print view PDF on demand and serves it again from its cache', async () => {
    const first = await get(preview.port, '/quizzes/unit/version-A.pdf');
    expect(first.status).toBe(200);
    expect(first.type).toBe('application/pdf');
    const text = await readPdfText(new Uint8Array(first.body));
    expect(text.title).toBe('Unit quiz — Version A');
    expect(text.pages.join(' ')).toContain('Filler question number 3');
    const again = await get(preview.port, '/quizzes/unit/version-A.pdf');
    expect(Buffer.compare(again.body, first.body)).toBe(0);
    expect(printed).toEqual(['quizzes/unit/version-A.pdf']);
  });
});

describe('handout preview with hostile bank text', () => {
  it('escapes bank and article text on every page, so no script from the bank runs', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'handout-preview-escape-'));
    const fixture = path.join(REPO, 'tests/fixtures/export-escaping');
    const { cpSync } = await import('node:fs');
    cpSync(fixture, root, { recursive: true });
    const printer = await openSharedPrinter({ env: process.env });
    const preview = await startPreview({
      root,
      cwd: root,
      host: '127.0.0.1',
      port: 0,
      printer: printer.printer,
      log: () => undefined,
    });
    const { executablePath } = await findChromium({ env: process.env });
    const { default: puppeteer } = await import('puppeteer');
    const browser = await puppeteer.launch({
      executablePath,
      args: chromiumArgs(process.getuid?.() === 0),
    });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const target of [
        '',
        'bank/',
        'bank/?tag=escaping',
        'bank/escaping-cases.html',
        'quizzes/escape-quiz/version-A.html',
        'quizzes/escape-quiz/version-A-key.html',
      ]) {
        const raw = (await get(preview.port, `/${target}`)).body.toString();
        expect(raw, target).not.toContain('<script>alert(1)');
        await page.goto(`${preview.url}${target}`, { waitUntil: 'load' });
        // The only script on any page is the preview's own reload hook.
        expect(
          await page.$$eval('script', (s) => s.map((e) => e.getAttribute('src'))),
          target,
        ).toEqual(['/_preview/live.js']);
        expect(await page.$$eval('b, img', (e) => e.length), target).toBe(0);
      }
      const bankText = await page
        .goto(`${preview.url}bank/`)
        .then(() => page.evaluate(() => document.body.innerText));
      expect(bankText).toContain('<script>alert(1)</script>');
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await preview.close();
      await printer.close();
    }
  });
});
