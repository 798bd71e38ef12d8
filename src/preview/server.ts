/**
 * The preview server: plain node:http on one address, GET and HEAD only,
 * answering only requests addressed to it by name (DNS rebinding), serving
 * only pages it renders and assets it lists. It reloads the project after
 * every change the watcher reports, renders the pages that are open, then
 * tells them to reload. Bad input never stops it: the pages show the
 * problems until the files are fixed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HandoutError } from '../errors.js';
import type { RunPrinter } from '../produce/printer.js';
import { plural } from '../util/text.js';
import { assetBytes, assetTable, withReloadHook } from './assets.js';
import { allowedHosts, isAllowedHost } from './host-check.js';
import { LiveReload } from './live-reload.js';
import { notFoundPage, renderPage, type PageResult } from './pages.js';
import { PrintViews } from './print-views.js';
import { parseRequestPath } from './request-path.js';
import { PreviewSite, type LoadReport } from './site.js';
import { watchProject, type ProjectWatcher } from './watcher.js';

export interface PreviewOptions {
  /** The project folder. */
  root: string;
  /** Problems are shown relative to this folder, as `handout lint` run there shows them. */
  cwd: string;
  /** Address to listen on: 127.0.0.1 unless the teacher asked for another. */
  host: string;
  /** First port to try; the next free ones after it if taken. 0: any free port. */
  port: number;
  /** Prints the "print view" PDFs; started by its owner, lazily, on the first one. */
  printer: Pick<RunPrinter, 'printAll'>;
  /** One line to the terminal (no newline). */
  log(line: string): void;
  /** Quiet time after a burst of file events, ms. */
  debounceMs?: number;
}

export interface Preview {
  url: string;
  port: number;
  /** Stops watching, tells open pages, closes every connection. */
  close(): Promise<void>;
  /** Resolves once the reloads under way or queued are done (for tests and benchmarks). */
  settled(): Promise<void>;
}

/** Rendered pages kept until the next reload (every filter of the bank browser is a page). */
const RENDERED_PAGES = 200;

/** Ports tried after the first one before giving up. */
const PORT_ATTEMPTS = 20;

const SECURITY_HEADERS: Record<string, string> = {
  // Pages load only what this server gives them: no remote images (as in the
  // offline PDF), no inline or foreign scripts, no framing by other sites.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const site = new PreviewSite(options.root);
  const live = new LiveReload();
  const printViews = new PrintViews(options.printer);
  const assets = assetTable();
  // Pages from an earlier run of the preview must reload too: the id tells them apart.
  const runId = randomBytes(4).toString('hex');
  const generation = (): string => `${runId}.${site.generation}`;
  /** Pages rendered for the current generation, by path and query. */
  const rendered = new Map<string, PageResult>();

  const render = (pagePath: string, query: URLSearchParams): PageResult | undefined => {
    const key = `${pagePath}?${query.toString()}`;
    let page = rendered.get(key);
    if (!page) {
      page = renderPage(site.state, pagePath, query, options.cwd);
      // Pages only (a path that names none is not kept), and a bounded number of them.
      if (page) rendered.set(key, page);
      if (rendered.size > RENDERED_PAGES) rendered.delete(rendered.keys().next().value!);
    }
    return page;
  };

  const first = await site.load();
  reportLoad(first, options.log);

  // --- reloads: one at a time, changes arriving meanwhile are batched into the next one.
  let queued: string[] = [];
  let reloading: Promise<void> | undefined;
  const reloadOnce = async (changed: string[]): Promise<void> => {
    const report = await site.load(changed.some((file) => file.startsWith('templates')));
    rendered.clear();
    const started = performance.now();
    const open = live.openPages();
    for (const page of open) {
      const target = parseRequestPath(page);
      if (target) render(target.path, target.query);
    }
    const renderMs = performance.now() - started;
    live.reload(generation());
    options.log(reloadLine(changed, report, open.length, renderMs));
    if (report.bug) options.log(report.bug);
  };
  const drain = async (): Promise<void> => {
    while (queued.length > 0) {
      const batch = [...new Set(queued)].sort();
      queued = [];
      await reloadOnce(batch).catch((error: unknown) => options.log(bugLine(error)));
    }
    reloading = undefined;
  };
  const watcher: ProjectWatcher = watchProject(options.root, {
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    onChange(changed) {
      queued.push(...changed);
      reloading ??= drain();
    },
    onError: (message) => options.log(`warning: ${message}; pages will not reload by themselves`),
  });

  // --- requests
  await watcher.ready;
  let allowed = new Set<string>();
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (!isAllowedHost(request.headers.host, allowed)) {
      return text(response, 403, `This preview answers only requests addressed to ${url}\n`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return text(response, 405, 'The preview only shows pages: GET and HEAD only.\n');
    }
    const head = request.method === 'HEAD';
    const target = parseRequestPath(request.url);
    if (!target) return text(response, 404, 'Not found\n', head);
    if (target.path === '_preview/events') {
      return live.connect(response, target.query.get('page') ?? '/', generation(), head);
    }
    const asset = assets.get(target.path);
    if (asset) {
      // Revalidated on every page load, answered 304 when unchanged: a reload does not refetch the fonts.
      const bytes = await assetBytes(asset);
      const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
      response.setHeader('ETag', etag);
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { 'Cache-Control': 'no-cache' });
        return void response.end();
      }
      return send(response, 200, asset.type, bytes, head, 'no-cache');
    }
    if (target.path === 'bank') {
      response.setHeader('Location', '/bank/');
      return text(response, 301, 'Moved to /bank/\n', head);
    }
    if (target.path.endsWith('.pdf')) return printView(target.path, response, head);
    const page = render(target.path, target.query) ?? notFoundPage(site.state, target.path);
    if (!page) return text(response, 404, 'Not found\n', head);
    const html = withReloadHook(page.html, generation());
    return send(response, page.status, 'text/html; charset=utf-8', html, head);
  };

  const printView = async (
    pdfPath: string,
    response: ServerResponse,
    head: boolean,
  ): Promise<void> => {
    const htmlPath = pdfPath.replace(/\.pdf$/, '.html');
    const state = site.state;
    const page = render(htmlPath, new URLSearchParams());
    if (!page) return text(response, 404, 'Not found\n', head);
    const doc = state.ok ? state.catalog.documents.get(htmlPath) : undefined;
    if (!doc || page.status !== 200) {
      return send(
        response,
        page.status,
        'text/html; charset=utf-8',
        withReloadHook(page.html, generation()),
        head,
      );
    }
    try {
      const pdf = await printViews.pdf(doc, page.html);
      response.setHeader(
        'Content-Disposition',
        `inline; filename*=UTF-8''${encodeURIComponent(path.posix.basename(pdfPath))}`,
      );
      return send(response, 200, 'application/pdf', Buffer.from(pdf), head);
    } catch (error) {
      if (!(error instanceof HandoutError)) throw error;
      options.log(`print view of ${pdfPath} failed: ${error.message}`);
      return text(response, 500, `The print view could not be made: ${error.message}\n`, head);
    }
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log(bugLine(error));
      if (!response.headersSent)
        text(response, 500, 'Internal error in handout (see the terminal)\n');
      else response.end();
    });
  });
  let port: number;
  try {
    port = await listen(server, options.host, options.port);
  } catch (error) {
    await watcher.close();
    live.close();
    throw error;
  }
  allowed = allowedHosts(options.host, port);
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shownHost}:${port}/`;

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    settled: async () => {
      while (reloading) await reloading;
    },
    close: () =>
      (closing ??= (async () => {
        await watcher.close();
        live.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await reloading;
        await printViews.close();
      })()),
  };
}

async function listen(server: Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port === 0 ? 0 : port + attempt, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && port !== 0 && attempt + 1 < PORT_ATTEMPTS) continue;
      throw new HandoutError(
        code === 'EADDRINUSE'
          ? `ports ${port} to ${port + attempt} are all in use; choose another with --port N`
          : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
            ? `cannot listen on ${host}: this computer has no such address; leave out --host to use 127.0.0.1`
            : code === 'EACCES'
              ? `not allowed to listen on port ${port + attempt}; choose a port above 1024 with --port N`
              : `cannot start the preview server on ${host}:${port + attempt} (${(error as Error).message})`,
        { code: 'preview-listen-failed', cause: error },
      );
    }
  }
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  head: boolean,
  cache = 'no-store',
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': bytes.length,
    'Cache-Control': cache,
  });
  response.end(head ? undefined : bytes);
}

function text(response: ServerResponse, status: number, body: string, head = false): void {
  send(response, status, 'text/plain; charset=utf-8', body, head);
}

function reportLoad(report: LoadReport, log: (line: string) => void): void {
  log(
    report.ok
      ? `loaded the project in ${Math.round(report.ms)} ms${report.warnings ? ` (${plural(report.warnings, 'warning')}; see the index page)` : ''}`
      : `the project has ${plural(report.errors, 'error')}: the pages show them until you fix them`,
  );
  if (report.bug) log(report.bug);
}

/** "questions/bank.yaml changed · reloaded in 180 ms · 2 open pages rendered in 21 ms" */
export function reloadLine(
  changed: string[],
  report: LoadReport,
  openPages: number,
  renderMs: number,
): string {
  const what =
    changed.length <= 3
      ? changed.join(', ')
      : `${changed.slice(0, 2).join(', ')} and ${changed.length - 2} more`;
  const outcome = report.ok
    ? `reloaded in ${Math.round(report.ms)} ms · ${plural(openPages, 'open page')} rendered in ${Math.round(renderMs)} ms`
    : `${plural(report.errors, 'error')}: ${openPages ? `${plural(openPages, 'open page')} show${openPages === 1 ? 's' : ''} them` : 'the pages show them'} (handout lint lists the same)`;
  return `${what} changed · ${outcome}`;
}

function bugLine(error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `internal error in handout (a bug, not your files; the server keeps running):\n${detail}`;
}
