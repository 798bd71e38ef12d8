/**
 * The scan test generator: marks a printed sheet the way pupils do and
 * degrades it the way copiers and phones do. Sheets come from real Chromium
 * (printed by the test) and poppler (rasterised); marks are drawn at the
 * positions of sheet/layout.ts, so every pupil's intended answer is known.
 */
import seedrandom from 'seedrandom';
import sharp from 'sharp';
import { BUBBLE_RADIUS } from '../../src/sheet/digit-grid.js';
import type { Bubble } from '../../src/sheet/layout-types.js';
import { homography } from '../../src/scan/homography.js';
import { sample, type GreyImage } from '../../src/scan/image.js';

/** How a pupil marks a bubble. */
export type Stroke = 'full' | 'sixty' | 'pencil' | 'tick' | 'cross' | 'erased' | 'dot';

/** Strokes a reader must read as the mark they are (never as empty, never as another). */
export const CLEAR: readonly Stroke[] = ['full', 'sixty'];
/** Marks a reader may read or send to review, but never read as something else. */
export const UNCERTAIN: readonly Stroke[] = ['pencil', 'tick', 'cross'];
/** Traces that mean "no mark". */
export const TRACES: readonly Stroke[] = ['erased', 'dot'];

export interface Pen {
  bubble: Bubble;
  stroke: Stroke;
}

/** A pupil's name as handwriting: one looped letter per character, shaped by the name itself. */
export interface Writing {
  text: string;
  /** Start of the baseline, in mm of the sheet. */
  x: number;
  y: number;
}

/** SVG path of the handwriting: letters of varied width and height, joined up, as a pen writes. */
function handwriting(writing: Writing, pxPerMm: number): string {
  const rng = seedrandom(writing.text);
  let x = writing.x;
  const base = writing.y;
  let d = `M${x * pxPerMm} ${base * pxPerMm}`;
  for (const letter of writing.text) {
    const width = letter === ' ' ? 2.5 : 1.6 + 1.6 * rng();
    if (letter !== ' ') {
      const top = base - (/[A-Z]|[bdfhklt]/.test(letter) ? 3.6 : 2) - rng();
      const c = (px: number, py: number) => `${px * pxPerMm} ${py * pxPerMm}`;
      d += `C${c(x + width * 0.1, top)} ${c(x + width * 0.9, top)} ${c(x + width * 0.5, base)}`;
      d += `S${c(x + width, base + 0.4)} ${c(x + width, base)}`;
    } else d += `M${(x + width) * pxPerMm} ${base * pxPerMm}`;
    x += width;
  }
  return `<path d="${d}" fill="none" stroke="#1e1e1e" stroke-width="${0.4 * pxPerMm}" stroke-linecap="round"/>`;
}

/** SVG for the strokes (and the handwriting), on a page `width` x `height` px at `pxPerMm`. */
export function strokesSvg(
  pens: readonly Pen[],
  width: number,
  height: number,
  pxPerMm: number,
  writing?: Writing,
): string {
  const r = BUBBLE_RADIUS * pxPerMm;
  const pen = 0.45 * pxPerMm;
  const parts = pens.map(({ bubble, stroke }, i) => {
    const x = bubble.x * pxPerMm;
    const y = bubble.y * pxPerMm;
    switch (stroke) {
      case 'full':
        return `<circle cx="${x}" cy="${y}" r="${r * 0.97}" fill="#151515"/>`;
      case 'sixty':
        // The lower 60% of the bubble, as a hurried pupil fills it.
        return `<clipPath id="c${i}"><rect x="${x - r}" y="${y - 0.2 * r}" width="${2 * r}" height="${1.2 * r}"/></clipPath><circle cx="${x}" cy="${y}" r="${r * 0.95}" fill="#1a1a1a" clip-path="url(#c${i})"/>`;
      case 'pencil':
        return `<circle cx="${x}" cy="${y}" r="${r * 0.95}" fill="#7a7a7a"/>`;
      case 'tick':
        return `<polyline points="${x - 0.7 * r},${y} ${x - 0.2 * r},${y + 0.6 * r} ${x + 0.8 * r},${y - 0.8 * r}" fill="none" stroke="#151515" stroke-width="${pen}" stroke-linecap="round"/>`;
      case 'cross':
        return `<path d="M${x - 0.75 * r} ${y - 0.75 * r}L${x + 0.75 * r} ${y + 0.75 * r}M${x + 0.75 * r} ${y - 0.75 * r}L${x - 0.75 * r} ${y + 0.75 * r}" stroke="#151515" stroke-width="${pen}" stroke-linecap="round"/>`;
      case 'erased':
        return `<circle cx="${x}" cy="${y}" r="${r * 0.95}" fill="#ededed"/>`;
      case 'dot':
        return `<circle cx="${x + 0.3 * r}" cy="${y - 0.2 * r}" r="${0.28 * pxPerMm}" fill="#222"/>`;
    }
  });
  if (writing) parts.push(handwriting(writing, pxPerMm));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

/**
 * The page with the pupil's strokes. With `ink` (a CSS colour: a green or
 * red pen) the strokes are drawn in it and the page stays in colour, as a
 * copier's colour mode scans it; otherwise in dark grey, on a grey page.
 */
export async function markPage(
  png: Buffer,
  pens: readonly Pen[],
  dpi: number,
  ink?: string,
  writing?: Writing,
): Promise<Buffer> {
  const meta = await sharp(png).metadata();
  let svg = strokesSvg(pens, meta.width!, meta.height!, dpi / 25.4, writing);
  if (ink) svg = svg.replace(/#151515|#1a1a1a/g, ink);
  const marked = (ink ? sharp(png).toColourspace('srgb') : sharp(png)).composite([
    { input: Buffer.from(svg), blend: 'multiply' },
  ]);
  return (ink ? marked : marked.greyscale()).png(QUICK_PNG).toBuffer();
}

/**
 * PNGs the tests write and read straight back: the same pixels, compressed
 * quickly (zlib's level 6 took most of the time of a noisy page).
 */
const QUICK_PNG = { compressionLevel: 1 } as const;

export interface Degrade {
  rotate?: number;
  scale?: number;
  /** Corners pulled inwards by this fraction of the page, unevenly: a phone held at a slight angle. */
  perspective?: number;
  blur?: number;
  /** Standard deviation of added grey noise. */
  noise?: number;
  jpeg?: number;
  seed?: string;
}

/** A page as a copier or a phone gives it back. Returns JPEG or PNG bytes. */
export async function degrade(png: Buffer, how: Degrade): Promise<Buffer> {
  // Rotation adds an alpha channel; flattening keeps one grey channel throughout.
  const grey1 = (input: Buffer) => sharp(input).flatten({ background: '#ffffff' }).greyscale();
  let image = grey1(png);
  if (how.scale) {
    const meta = await sharp(png).metadata();
    image = grey1(
      await image
        .resize(Math.round(meta.width! * how.scale))
        .png(QUICK_PNG)
        .toBuffer(),
    );
  }
  if (how.rotate)
    image = grey1(
      await image.rotate(how.rotate, { background: '#ffffff' }).png(QUICK_PNG).toBuffer(),
    );
  if (how.blur) image = image.blur(how.blur);
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected one grey channel, got ${info.channels}`);
  let grey: GreyImage = { width: info.width, height: info.height, data: new Uint8Array(data) };
  if (how.perspective) grey = warp(grey, how.perspective);
  if (how.noise) addNoise(grey, how.noise, how.seed ?? 'noise');
  const out = sharp(Buffer.from(grey.data), {
    raw: { width: grey.width, height: grey.height, channels: 1 },
  });
  return how.jpeg ? out.jpeg({ quality: how.jpeg }).toBuffer() : out.png(QUICK_PNG).toBuffer();
}

/**
 * Gaussian noise, as a sensor adds, with standard deviation `sd`. The
 * Gaussian values are drawn once (Box-Muller on the seeded generator) into
 * a table that a fast xorshift generator picks from pixel by pixel: the
 * same noise as drawing each pixel's value afresh, for a twentieth of the
 * time (seedrandom and two transcendental functions per pixel cost 0.7 s
 * of CPU on a 200-dpi page; the scan tests degrade some twenty pages).
 */
function addNoise(image: GreyImage, sd: number, seed: string): void {
  const rng = seedrandom(seed);
  const table = new Float32Array(1 << 16);
  for (let i = 0; i < table.length; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(rng() + 1e-12));
    const angle = 2 * Math.PI * rng();
    table[i] = radius * Math.cos(angle) * sd;
    table[i + 1] = radius * Math.sin(angle) * sd;
  }
  // xorshift32 (Marsaglia), seeded from the same generator; never 0.
  let state = (rng.int32() | 1) >>> 0;
  const data = image.data;
  for (let i = 0; i < data.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    data[i] = Math.max(0, Math.min(255, data[i]! + table[state >>> 16]!));
  }
}

/** A slight projective distortion: the top edge narrower than the bottom, one side lower. */
function warp(image: GreyImage, amount: number): GreyImage {
  const { width: w, height: h } = image;
  const dst = [
    { x: w * amount, y: h * amount * 0.5 },
    { x: w * (1 - amount * 0.6), y: 0 },
    { x: w, y: h },
    { x: 0, y: h * (1 - amount * 0.3) },
  ];
  const src = [
    { x: 0, y: 0 },
    { x: w, y: 0 },
    { x: w, y: h },
    { x: 0, y: h },
  ];
  const m = homography(dst, src);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const z = m[6]! * x + m[7]! * y + m[8]!;
      const sx = (m[0]! * x + m[1]! * y + m[2]!) / z;
      const sy = (m[3]! * x + m[4]! * y + m[5]!) / z;
      data[y * w + x] = Math.round(sample(image, sx, sy));
    }
  return { width: w, height: h, data };
}
