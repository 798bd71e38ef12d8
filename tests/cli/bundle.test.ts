/**
 * dist/bin.js is an esbuild bundle (scripts/bundle.mjs): start-up reads a
 * handful of chunks instead of some 420 modules. These run it as a teacher
 * would, in its own process: the commands still find their templates,
 * schemas and lazily loaded libraries from inside the chunks, and `handout
 * lint` stays free of the libraries only printing and exporting need.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../helpers/build.js';
import { REPO } from '../helpers/project.js';
// @ts-expect-error: a build script in plain JavaScript, without types
import { onUseModule } from '../../scripts/bundle.mjs';

const require = createRequire(import.meta.url);

const scratch = mkdtempSync(path.join(tmpdir(), 'handout-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function handout(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every JavaScript file Node loaded, as NODE_DEBUG reports it (ES modules and CommonJS). */
function loadedFiles(stderr: string): string[] {
  const files = new Set<string>();
  for (const match of stderr.matchAll(/^ESM \d+: Translating \w+ file:\/\/(\S+)$/gm))
    files.add(decodeURIComponent(match[1]!));
  for (const match of stderr.matchAll(/^MODULE \d+: load "(\/[^"]+)"/gm)) files.add(match[1]!);
  return [...files];
}

describe('the bundled command line', () => {
  beforeAll(ensureBuilt, 180_000);

  it('lints the bundled project loading a few chunks and no printing or export library', () => {
    const result = handout(['lint'], { NODE_DEBUG: 'esm,module' });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^lint: no problems \(5 articles, \d+ questions/m);
    const files = loadedFiles(result.stderr);
    const ours = files.filter((f) => f.startsWith(path.join(REPO, 'dist') + path.sep));
    // The bundle's chunks, not tsc's one file per module beside them.
    expect(ours.filter((f) => !f.startsWith(path.join(REPO, 'dist/chunks/')))).toEqual([BIN]);
    expect(ours.length).toBeLessThan(50);
    const packages = files
      .filter((f) => f.includes('/node_modules/'))
      .map((f) => f.split('/node_modules/').pop()!.split('/').slice(0, 2).join('/'));
    for (const heavy of [
      'puppeteer',
      'puppeteer-core',
      'nunjucks',
      'yaml',
      'pdf-lib',
      'sharp',
      'markdown-it',
      'xmlbuilder2',
      'linkedom',
    ])
      expect(packages.filter((p) => p === heavy || p.startsWith(`${heavy}/`))).toEqual([]);
    // Nor any chunk holding bundled template code.
    expect(ours.filter((f) => readFileSync(f, 'utf8').includes('node_modules/nunjucks/'))).toEqual(
      [],
    );
  });

  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(handout(['--version']).stdout).toBe(`${version}\n`);
  });

  it('builds a quiz, a briefing and every export, with their templates and libraries', () => {
    const out = path.join(scratch, 'out');
    const quiz = handout(['quiz', 'missile-defense-unit', '--format', 'html', '--out', out]);
    expect(quiz.stderr).not.toMatch(/internal error/);
    expect(quiz.code).toBe(0);
    expect(
      readFileSync(path.join(out, 'quizzes/missile-defense-unit/version-A.html'), 'utf8'),
    ).toContain('<html');
    const briefing = handout(['briefing', '--format', 'html', '--out', out]);
    expect(briefing.code).toBe(0);
    const exported = handout(['export', '--out', out]);
    expect(exported.code).toBe(0);
    expect(readdirSync(path.join(out, 'exports')).length).toBeGreaterThanOrEqual(6);
    expect(handout(['stats']).stdout).toMatch(/questions/);
  }, 120_000);

  it('makes a class’s copies with the Markdown, CSV, seed and QR code libraries from its chunks', () => {
    const out = path.join(scratch, 'class');
    const roster = ['--roster', 'questions/rosters/sample-class.csv'];
    const result = handout(
      ['quiz', 'missile-defense-unit', ...roster, '--format', 'html', '--out', out],
      { NODE_DEBUG: 'esm,module' },
    );
    expect(result.code).toBe(0);
    // Each student's copy has an answer sheet with its QR code.
    const copies = path.join(out, 'quizzes/missile-defense-unit/sample-class/copies');
    const copy = readdirSync(copies).find((f) => !f.endsWith('-key.html'))!;
    expect(readFileSync(path.join(copies, copy), 'utf8')).toMatch(/<svg[^>]*class="sheet-qr"/);
    const packages = loadedFiles(result.stderr)
      .filter((f) => f.includes('/node_modules/'))
      .map((f) => f.split('/node_modules/').pop()!.split('/')[0]!);
    // Loaded one file at a time, these cost a class pack some 50 ms of CPU.
    for (const bundled of ['markdown-it', 'csv-parse', 'seedrandom', 'qrcode', 'pngjs', 'nunjucks'])
      expect(packages).not.toContain(bundled);
  }, 60_000);

  it('loads puppeteer-core without the download code it never uses, which still works when asked for', async () => {
    // proxy-agent and what it brings (a JavaScript engine for proxy scripts, an FTP
    // client...) were 1.5 MB of code loaded before the browser could start.
    const chunks = readdirSync(path.join(REPO, 'dist/chunks')).filter((f) => f.endsWith('.js'));
    const sources = chunks.map((f) => readFileSync(path.join(REPO, 'dist/chunks', f), 'utf8'));
    expect(sources.some((s) => s.includes('node_modules/@puppeteer/browsers/'))).toBe(true);
    for (const unused of ['proxy-agent', 'pac-resolver', 'basic-ftp', '@tootallnate/quickjs'])
      expect(sources.filter((s) => s.includes(`node_modules/${unused}/`))).toEqual([]);
    // The stand-in hands over the real package's agent, as a download would use it.
    const standIn = path.join(REPO, 'dist', `.load-on-use-${process.pid}.mjs`);
    writeFileSync(
      standIn,
      onUseModule('proxy-agent', { importer: '@puppeteer/browsers', named: ['ProxyAgent'] }),
    );
    try {
      const { ProxyAgent } = (await import(standIn)) as { ProxyAgent: new () => object };
      const fromBrowsers = createRequire(require.resolve('@puppeteer/browsers'));
      const real = (fromBrowsers('proxy-agent') as { ProxyAgent: new () => object }).ProxyAgent;
      expect(new ProxyAgent()).toBeInstanceOf(real);
    } finally {
      rmSync(standIn, { force: true });
    }
  });

  it('creates a new project with the built-in templates and schemas, which then lints', () => {
    const target = path.join(scratch, 'new-unit');
    expect(handout(['init', target]).code).toBe(0);
    expect(existsSync(path.join(target, 'schema'))).toBe(true);
    expect(handout(['lint', '--project', target]).code).toBe(0);
  }, 60_000);

  it('stops quietly when the reader of its output goes away (`handout stats | head -1`)', async () => {
    // The reader closes the pipe before the CLI has even started, so every
    // write meets a closed pipe (EPIPE), as the tail of a report does after
    // `head` has taken its lines.
    const child = spawn(process.execPath, [BIN, 'stats'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
