import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO, makeProject } from '../helpers/project.js';

const PAGE = readFileSync(path.join(REPO, 'tests', 'fixtures', 'import', 'news-page.html'), 'utf8');

/** A local web server standing in for a news site; it records every request it gets. */
let server: Server;
let base: string;
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE.replaceAll('ASSET', `${base}/asset`));
    } else if (req.url === '/slow') {
      // never answers: the importer must give up by itself
    } else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const push = (): void => {
        while (sent < 60 && res.write(chunk)) sent++;
        if (sent < 60) res.once('drain', push);
        else res.end();
      };
      push();
    } else if (req.url === '/report.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4 ...');
    } else {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('corpus import from an address', () => {
  it('fetches only the page itself: no scripts, images or stylesheets', async () => {
    const root = makeProject({}, { corpus: false });
    requests.length = 0;
    const result = await runCli(['corpus', 'import', `${base}/article`], root);
    expect(result.stderr).toContain(
      'Wrote corpus/lake-harbor-library-reopens-after-flood-2022.md: 5 paragraphs',
    );
    expect(result.code).toBe(0);
    expect(requests).toEqual(['/article']);
    const written = readFileSync(
      path.join(root, 'corpus', 'lake-harbor-library-reopens-after-flood-2022.md'),
      'utf8',
    );
    expect(written).toContain(
      'source_url: https://news.example.org/local/library-reopens # from the canonical link',
    );
    expect(written).not.toContain('source_file');
  });

  it('gives up on a site that does not answer, with a plain message', async () => {
    const root = makeProject({}, { corpus: false });
    const started = Date.now();
    const result = await runCli(['corpus', 'import', `${base}/slow`, '--timeout', '1'], root);
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.stderr).toContain('did not answer within 1 seconds');
    expect(result.stderr).toContain('save it (File > Save Page As');
  });

  it('explains an offline machine or a site that is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runCli(
      ['corpus', 'import', `http://127.0.0.1:${port}/news`],
      makeProject({}, { corpus: false }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /could not be reached \(ECONNREFUSED\): this computer may be offline, or the site is down/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a missing page, a PDF and a page past the size limit', async () => {
    const root = makeProject({}, { corpus: false });
    const missing = await runCli(['corpus', 'import', `${base}/gone`], root);
    expect(missing.stderr).toContain('the site answered 404');
    const pdf = await runCli(['corpus', 'import', `${base}/report.pdf`], root);
    expect(pdf.stderr).toContain('is not a web page (the site says it is application/pdf)');
    const huge = await runCli(['corpus', 'import', `${base}/huge`], root);
    expect(huge.code).toBe(1);
    expect(huge.stderr, huge.stderr).toMatch(/more than the 20 MB a news page can be/);
  });
});

describe('corpus import of files that are not articles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'handout-import-'));

  it('refuses a 50 MB page at once, without reading it', async () => {
    const file = path.join(dir, 'huge.html');
    writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, '<p>x</p>'));
    const started = Date.now();
    const result = await runCli(['corpus', 'import', file, '--stdout'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('huge.html is 50 MB, more than the 20 MB a news page can be');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('names a binary file for what it is', async () => {
    const png = path.join(dir, 'photo.html');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const result = await runCli(['corpus', 'import', png, '--stdout'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('photo.html is a PNG image, not a saved web page or text');
    const random = path.join(dir, 'data.bin');
    writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const other = await runCli(['corpus', 'import', random, '--stdout'], dir);
    expect(other.stderr).toContain('data.bin is not a text file');
    const mhtml = path.join(dir, 'page.mhtml');
    writeFileSync(mhtml, 'From: <Saved by Blink>\r\nSubject: News\r\nMIME-Version: 1.0\r\n\r\n');
    expect((await runCli(['corpus', 'import', mhtml, '--stdout'], dir)).stderr).toContain(
      '"single file" web archive (MHTML)',
    );
  });

  it('shows control characters from a page as visible codes, never as terminal escapes', async () => {
    const file = path.join(dir, 'escape.txt');
    writeFileSync(
      file,
      `Headline \u001b[31mred\u001b[0m here\n\n${'A sentence of the article that is long enough to count as prose. '.repeat(2)}\n\nShare this article \u001b]0;pwned\u0007\n`,
    );
    const result = await runCli(['corpus', 'import', file, '--stdout'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).toContain('\\u{1b}');
  });
});
