/**
 * Scanned pages as grey pixels. sharp (libvips) decodes JPEG, PNG and TIFF
 * quickly and with little memory, and shrinks very large photos while it
 * decodes them; the rest of the scanner works on plain byte arrays.
 */
import sharp from 'sharp';
import type { Point } from '../sheet/layout-types.js';
import type { GreyImage } from './qr-reader.js';
import { project, type Homography } from './homography.js';

export type { GreyImage } from './qr-reader.js';

/**
 * Past this many pixels on the long side (about 215 dpi on letter or A4) a
 * page is shrunk while it is decoded, by a whole factor so that libjpeg
 * does it while decoding (a 300-dpi scan is read at 150 dpi, four times
 * faster). 150 dpi already puts 12 pixels across a bubble and 4 across a
 * code module. A 200-dpi scan, the usual copier setting, is read as it is:
 * shrinking it to 150 dpi cost more than the extra pixels do later.
 */
const MAX_SIDE = 2600;

// Every page is decoded once: libvips' cache of recent operations would only hold old pages.
sharp.cache(false);

export async function decodeImage(data: Uint8Array): Promise<GreyImage> {
  const input = sharp(data, { failOn: 'none', limitInputPixels: 20000 * 20000 });
  const meta = await input.metadata();
  const long = Math.max(meta.width ?? 0, meta.height ?? 0);
  let pipeline = input;
  // EXIF orientation (phones) is applied; the page's own rotation is found from its marks.
  if ((meta.orientation ?? 1) > 1) pipeline = pipeline.rotate();
  if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
  // A colour scan is made grey by libvips' own (colour-managed) greyscale: the green channel
  // alone makes green ink far lighter than it looks (a full mark in green pen read as half
  // filled). Our own BT.601 loop over a decoded three-band page cost less CPU (22 against 35 ms
  // a page) but made libvips hand over an 11 MB page per read, and a 300-page scan peaked at
  // 505-513 MB against 240-300 MB for 30 pages; libvips' greyscale streams the page, one band
  // out, and keeps memory flat (308 MB) for 10% fewer pages a second.
  // CMYK, Lab and the like are converted by libvips the same way.
  if (meta.space === 'b-w') pipeline = pipeline.extractChannel(0);
  else pipeline = pipeline.greyscale();
  if (long > MAX_SIDE) {
    const factor = Math.ceil(long / MAX_SIDE);
    const landscape = (meta.width ?? 0) >= (meta.height ?? 0);
    const side = Math.floor(long / factor);
    pipeline = pipeline.resize(landscape ? { width: side } : { height: side });
  }
  const { data: pixels, info } = await pipeline
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const bytes = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length);
  if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
  return { width: info.width, height: info.height, data: bytes };
}

/** Bilinear sample; outside the image counts as white paper. */
export function sample(image: GreyImage, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= image.width || y0 + 1 >= image.height) return 255;
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * image.width + x0;
  const d = image.data;
  const top = d[i]! + (d[i + 1]! - d[i]!) * fx;
  const bottom = d[i + image.width]! + (d[i + image.width + 1]! - d[i + image.width]!) * fx;
  return top + (bottom - top) * fy;
}

/**
 * A rectangle of the sheet (mm) straightened into its own image at `pxPerMm`:
 * for reading the code and for the crops shown on the review page.
 */
export function rectify(
  image: GreyImage,
  h: Homography,
  box: { x: number; y: number; width: number; height: number },
  pxPerMm: number,
): GreyImage {
  const width = Math.max(1, Math.round(box.width * pxPerMm));
  const height = Math.max(1, Math.round(box.height * pxPerMm));
  const data = new Uint8Array(width * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const p: Point = project(h, {
        x: box.x + (col + 0.5) / pxPerMm,
        y: box.y + (row + 0.5) / pxPerMm,
      });
      data[row * width + col] = Math.round(sample(image, p.x, p.y));
    }
  }
  return { width, height, data };
}

export async function toPng(image: GreyImage): Promise<Buffer> {
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length), {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A small picture of a whole page (about 360 pixels on the long side), for the review page. */
export async function thumbnail(image: GreyImage): Promise<Buffer> {
  const scale = Math.min(1, 360 / Math.max(image.width, image.height));
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length), {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .resize(Math.round(image.width * scale))
    .png()
    .toBuffer();
}
