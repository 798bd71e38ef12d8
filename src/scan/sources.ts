/**
 * Scan files to page images, one page at a time so that a 300-page file
 * never sits in memory. Image files are one page each. A PDF from a copier
 * holds one JPEG per page: poppler's pdfimages copies those bytes out
 * without decoding them; any other page is rasterised with pdftoppm.
 * Both stream from the file, in batches of a few pages.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { HandoutError } from '../errors.js';

const run = promisify(execFile);

export interface ScanPage {
  /** The scan file as the teacher named it (relative to the working folder). */
  file: string;
  /** 1-based page within the file (1 for an image file). */
  page: number;
  data: Uint8Array;
}

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.webp'];
const BATCH = 8;
/** Resolution for PDF pages that are not a single scanned image. */
const RASTER_DPI = 200;

export async function* scanPages(
  files: readonly { path: string; name: string }[],
): AsyncGenerator<ScanPage> {
  for (const file of files) {
    const ext = path.extname(file.path).toLowerCase();
    if (ext === '.pdf') yield* pdfPages(file);
    else if (IMAGE_EXTENSIONS.includes(ext))
      yield { file: file.name, page: 1, data: await readFile(file.path) };
    else
      throw new HandoutError(
        `${file.name} is not a scan handout can read; give PDF files or images (${IMAGE_EXTENSIONS.join(', ')})`,
        { code: 'scan-file-type' },
      );
  }
}

async function poppler(tool: string, args: string[], file: string): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (cause) {
    const error = cause as NodeJS.ErrnoException & { stderr?: string };
    if (error.code === 'ENOENT')
      throw new HandoutError(
        `cannot read the PDF ${file}: poppler's ${tool} is not installed. Install poppler (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler), or scan to PNG or JPEG files instead`,
        { code: 'scan-no-poppler', cause },
      );
    throw new HandoutError(
      `cannot read the PDF ${file}: ${(error.stderr ?? error.message).trim().split('\n')[0]}; check that it is a complete PDF (scan it again if the copy was interrupted)`,
      { code: 'scan-bad-pdf', cause },
    );
  }
}

async function* pdfPages(file: { path: string; name: string }): AsyncGenerator<ScanPage> {
  const info = await poppler('pdfinfo', [file.path], file.name);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const list = await poppler('pdfimages', ['-list', file.path], file.name);
  // Pages that hold exactly one JPEG and nothing else drawn from images: a copier's scan.
  const images = new Map<number, string[]>();
  for (const line of list.split('\n').slice(2)) {
    const cells = line.trim().split(/\s+/);
    if (cells.length < 9) continue;
    const page = Number(cells[0]);
    images.set(page, [...(images.get(page) ?? []), `${cells[2]}:${cells[8]}`]);
  }
  const jpegOnly = (page: number) => {
    const found = images.get(page) ?? [];
    return found.length === 1 && found[0] === 'image:jpeg';
  };
  const dir = await mkdtemp(path.join(tmpdir(), 'handout-scan-'));
  try {
    for (let first = 1; first <= pages; first += BATCH) {
      const last = Math.min(pages, first + BATCH - 1);
      const range = ['-f', String(first), '-l', String(last)];
      if (Array.from({ length: last - first + 1 }, (_, i) => first + i).some(jpegOnly))
        await poppler(
          'pdfimages',
          ['-j', '-p', ...range, file.path, path.join(dir, 'img')],
          file.name,
        );
      const extracted = new Map<number, string>();
      for (const name of await readdir(dir)) {
        const match = /^img-(\d+)-\d+\.jpg$/.exec(name);
        if (match) extracted.set(Number(match[1]), path.join(dir, name));
      }
      for (let page = first; page <= last; page++) {
        const jpeg = jpegOnly(page) ? extracted.get(page) : undefined;
        if (jpeg) {
          yield { file: file.name, page, data: await readFile(jpeg) };
        } else {
          const prefix = path.join(dir, `raster-${page}`);
          await poppler(
            'pdftoppm',
            [
              '-r',
              String(RASTER_DPI),
              '-gray',
              '-png',
              '-singlefile',
              '-f',
              String(page),
              '-l',
              String(page),
              file.path,
              prefix,
            ],
            file.name,
          );
          yield { file: file.name, page, data: await readFile(`${prefix}.png`) };
        }
      }
      for (const name of await readdir(dir)) await rm(path.join(dir, name), { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
