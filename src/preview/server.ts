/**
 * The preview server: plain node:http on one address, GET and HEAD only,
 * answering only requests addressed to it by name (DNS rebinding), serving
 * only pages it renders and assets it lists. It reloads the project after
 * every change the watcher reports, renders the pages that are open, then
 * tells them to reload. Bad input never stops it: the pages show the
 * problems until the files are fixed.
 *
 * This module routes each request; http.ts answers it, rendered-pages.ts
 * keeps what was rendered, reloads.ts runs the reloads.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { HandoutError } from '../errors.js';
import type { RunPrinter } from '../produce/printer.js';
import { FONTS_CSS, assetBytes, assetTable, withReloadHook } from './assets.js';
import { allowedHosts, isAllowedHost } from './host-check.js';
import { listen, send, sendAsset, setSecurityHeaders, text } from './http.js';
import { LiveReload } from './live-reload.js';
import { notFoundPage } from './pages.js';
import { PrintViews } from './print-views.js';
import { ReloadQueue, bugLine, reloadLine, reportLoad } from './reloads.js';
import { RenderedPages } from './rendered-pages.js';
import { parseRequestPath } from './request-path.js';
import { PreviewSite } from './site.js';
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

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const site = new PreviewSite(options.root);
  const live = new LiveReload();
  const printViews = new PrintViews(options.printer);
  const assets = assetTable();
  // Pages from an earlier run of the preview must reload too: the id tells them apart.
  const runId = randomBytes(4).toString('hex');
  const generation = (): string => `${runId}.${site.generation}`;
  const pages = new RenderedPages(site, options.cwd);

  const first = await site.load();
  reportLoad(first, options.log);

  // --- reloads: render the open pages for the new state before telling them.
  const reloads = new ReloadQueue(async (changed) => {
    const report = await site.load(changed.some((file) => file.startsWith('templates')));
    pages.clear();
    const started = performance.now();
    const open = live.openPages();
    for (const page of open) {
      const target = parseRequestPath(page);
      if (target) pages.render(target.path, target.query);
    }
    const renderMs = performance.now() - started;
    live.reload(generation());
    options.log(reloadLine(changed, report, open.length, renderMs));
    if (report.bug) options.log(report.bug);
  }, options.log);
  const watcher: ProjectWatcher = watchProject(options.root, {
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    onChange: (changed) => reloads.add(changed),
    onError: (message) => options.log(`warning: ${message}; pages will not reload by themselves`),
  });

  // --- requests
  await watcher.ready;
  let allowed = new Set<string>();
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    setSecurityHeaders(response);
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
    const asset = target.path === FONTS_CSS ? pages.fontsCss() : assets.get(target.path);
    if (asset) return sendAsset(request, response, asset.type, await assetBytes(asset), head);
    if (target.path === 'bank') {
      response.setHeader('Location', '/bank/');
      return text(response, 301, 'Moved to /bank/\n', head);
    }
    if (target.path.endsWith('.pdf')) return printView(target.path, response, head);
    const page = pages.render(target.path, target.query) ?? notFoundPage(site.state, target.path);
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
    const page = pages.render(htmlPath, new URLSearchParams());
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
    settled: () => reloads.settled(),
    close: () =>
      (closing ??= (async () => {
        await watcher.close();
        live.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await reloads.settled();
        await printViews.close();
      })()),
  };
}
