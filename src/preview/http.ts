/**
 * The HTTP side of the preview server, kept apart from what it serves: the
 * headers every answer carries, sending a body (or only its headers, for
 * HEAD), an asset revalidated by its ETag, and listening on the first free
 * port from the one asked for.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HandoutError } from '../errors.js';

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

/** Sets the headers every answer of the preview carries, whatever it is. */
export function setSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}

export function send(
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

export function text(response: ServerResponse, status: number, body: string, head = false): void {
  send(response, status, 'text/plain; charset=utf-8', body, head);
}

/**
 * An asset, revalidated on every page load and answered 304 when
 * unchanged: a reload does not refetch the fonts.
 */
export function sendAsset(
  request: IncomingMessage,
  response: ServerResponse,
  type: string,
  bytes: Buffer,
  head: boolean,
): void {
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  response.setHeader('ETag', etag);
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { 'Cache-Control': 'no-cache' });
    return void response.end();
  }
  return send(response, 200, type, bytes, head, 'no-cache');
}

/**
 * Listens on `port`, or the next free one after it (a second preview, or
 * another program, may hold it); the port listened on. A teacher who
 * cannot listen at all is told what to change.
 */
export async function listen(server: Server, host: string, port: number): Promise<number> {
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
