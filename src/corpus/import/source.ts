/**
 * Where an article comes from: a file (saved HTML or pasted text) or an
 * http(s) address. Both are read as bytes with a size limit, and refused
 * with a plain explanation when they are not a web page or text at all.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { HandoutError } from '../../errors.js';

/** A saved news page is well under 5 MB; anything past this is not an article (or is a page with its images inlined). */
export const MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_SECONDS = 20;

export interface RawSource {
  bytes: Uint8Array;
  kind: 'html' | 'text';
  /** The file name or the address, as the teacher gave it. */
  name: string;
  /** The file's path, for the report. */
  file?: string;
  url?: string;
  contentType?: string;
}

export function isAddress(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export async function readSource(
  input: string,
  options: { cwd: string; timeoutSeconds?: number },
): Promise<RawSource> {
  if (isAddress(input))
    return fetchSource(input, options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw new HandoutError(
      `${input}: handout can fetch only http:// and https:// addresses; save the page from your browser and import the file`,
      { code: 'import-bad-address' },
    );
  }
  const file = path.resolve(options.cwd, input);
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory())
      throw new HandoutError(
        `${input} is a folder; give the saved page (.html) or the text file (.txt) of one article`,
        { code: 'import-unreadable' },
      );
    size = info.size;
  } catch (cause) {
    if (cause instanceof HandoutError) throw cause;
    throw new HandoutError(`cannot read ${input}: check the path`, {
      code: 'import-unreadable',
      cause,
    });
  }
  if (size > MAX_BYTES) throw tooLarge(input, size);
  const handle = await open(file, 'r');
  let bytes: Uint8Array;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  refuseBinary(input, bytes);
  const ext = path.extname(file).toLowerCase();
  const kind = ['.html', '.htm', '.xhtml', '.shtml'].includes(ext)
    ? 'html'
    : ['.txt', '.text', '.md'].includes(ext)
      ? 'text'
      : sniff(bytes);
  return { bytes, kind, name: input, file };
}

async function fetchSource(address: string, timeoutSeconds: number): Promise<RawSource> {
  const host = new URL(address).host;
  let response: Response;
  const signal = AbortSignal.timeout(timeoutSeconds * 1000);
  try {
    response = await fetch(address, {
      signal,
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9' },
    });
  } catch (cause) {
    throw unreachable(address, host, cause, timeoutSeconds);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new HandoutError(
      `${address}: the site answered ${response.status} ${response.statusText}; check the address in a browser, or save the page from your browser and import the file`,
      { code: 'import-http-error' },
    );
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) {
    await response.body?.cancel();
    throw tooLarge(address, length);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // Leaving the loop early cancels the download: a page past the limit is never read whole.
    for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > MAX_BYTES) break;
      chunks.push(chunk);
    }
  } catch (cause) {
    throw unreachable(address, host, cause, timeoutSeconds);
  }
  if (total > MAX_BYTES) throw tooLarge(address, total);
  const bytes = Buffer.concat(chunks);
  if (contentType && !/^(text\/|application\/(xhtml\+)?xml)/i.test(contentType)) {
    throw new HandoutError(
      `${address} is not a web page (the site says it is ${contentType.split(';')[0]}); import a news page, or save the article's text into a .txt file`,
      { code: 'import-not-text' },
    );
  }
  refuseBinary(address, bytes);
  const kind = contentType ? (/html|xml/i.test(contentType) ? 'html' : 'text') : sniff(bytes);
  return {
    bytes,
    kind,
    name: address,
    url: response.url || address,
    ...(contentType ? { contentType } : {}),
  };
}

function unreachable(
  address: string,
  host: string,
  cause: unknown,
  timeoutSeconds: number,
): HandoutError {
  const error = cause as { name?: string; cause?: { code?: string } };
  const code = error.cause?.code;
  const why =
    error.name === 'TimeoutError' || error.name === 'AbortError'
      ? `${host} did not answer within ${timeoutSeconds} seconds`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `${host} could not be found: this computer may be offline, or the address is mistyped`
        : code === 'ECONNREFUSED' ||
            code === 'ECONNRESET' ||
            code === 'ENETUNREACH' ||
            code === 'EHOSTUNREACH'
          ? `${host} could not be reached (${code}): this computer may be offline, or the site is down`
          : `${host} could not be reached${code ? ` (${code})` : ''}`;
  return new HandoutError(
    `${address}: ${why}. Try again later, or open the page in a browser, save it (File > Save Page As, "Webpage, HTML only") and import the saved file`,
    { code: 'import-offline', cause },
  );
}

function tooLarge(name: string, bytes: number): HandoutError {
  const mb = (n: number): string => `${Math.round(n / (1024 * 1024))} MB`;
  return new HandoutError(
    `${name} is ${mb(bytes)}, more than the ${mb(MAX_BYTES)} a news page can be; save the page as "Webpage, HTML only" (not "complete" or "single file"), or paste the article's text into a .txt file`,
    { code: 'import-too-large' },
  );
}

const SIGNATURES: [string, number[]][] = [
  ['a PDF', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (a Word document, an e-book or similar)', [0x50, 0x4b, 0x03, 0x04]],
  ['a compressed file', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['an old Word or Office document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a program', [0x7f, 0x45, 0x4c, 0x46]],
];

/** Refuses files that are not text: reading them as a page would only produce garbage paragraphs. */
function refuseBinary(name: string, bytes: Uint8Array): void {
  const what = SIGNATURES.find(([, sig]) => sig.every((b, i) => bytes[i] === b))?.[0];
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (what || (!utf16 && head.includes(0))) {
    throw new HandoutError(
      `${name} is ${what ?? 'not a text file'}, not a saved web page or text; open the article in a browser and save it as "Webpage, HTML only", or copy its text into a .txt file`,
      { code: 'import-not-text' },
    );
  }
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (/^\s*(MIME-Version:|From: <Saved by)/i.test(start)) {
    throw new HandoutError(
      `${name} is a "single file" web archive (MHTML); save the page again as "Webpage, HTML only" and import that`,
      { code: 'import-not-text' },
    );
  }
}

/** A file without a telling extension: HTML if it starts like a page. */
function sniff(bytes: Uint8Array): 'html' | 'text' {
  const start = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF|^ï»¿/, '');
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|meta|title)\b/i.test(start)
    ? 'html'
    : 'text';
}
