/**
 * One scanned page, start to finish: decode, find the marks, read the
 * code, measure the bubbles, and write the pictures the review page will
 * show. It needs nothing but the page's bytes and the sheet layouts, so it
 * runs in a worker thread per core (src/scan/pool.ts); grouping pages into
 * copies and the teacher's corrections stay on the main thread
 * (src/scan/collate.ts). Pictures go to disk as they are made, so a
 * 300-page file holds no more in memory than a 30-page one.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SheetCode } from '../sheet/code.js';
import { pageBubbles } from '../sheet/layout.js';
import type { SheetLayout, SheetPage, SheetRow } from '../sheet/layout-types.js';
import { nameArea } from '../sheet/page-marks.js';
import { measureBubbles } from './bubbles.js';
import { readPage, type Reading } from './decide.js';
import { decodeImage, rectify, thumbnail, toPng, type GreyImage } from './image.js';
import { fingerprint, hasWriting, packFingerprint, type PackedFingerprint } from './fingerprint.js';
import type { Homography } from './homography.js';
import { locateSheet, type Levels } from './locate.js';

export interface ReadContext {
  quizId: string;
  seed: number;
  /** Every copy's sheet layout, by the copy code its sheets carry (version letter or personal code). */
  layouts: ReadonlyMap<string, SheetLayout>;
  /** Folder the review pictures are written to. */
  pictures: string;
}

export interface PageJob {
  /** Position of the page among all pages of the run (1-based): names its pictures. */
  ordinal: number;
  data: Uint8Array;
  /** The teacher's reading of an unreadable code, e.g. "K7QF 1" (from the corrections file). */
  typedCode?: string;
  /** Readings the teacher has already settled: no picture needed. */
  settled: readonly (number | 'id')[];
}

export type PageOutcome =
  | { kind: 'unopenable' }
  /** No corner marks: a blank page, or a page that is not a sheet (with its picture). */
  | { kind: 'no-marks'; blank: boolean; picture?: string }
  /** Marks but no usable code, and no code typed by the teacher. */
  | { kind: 'no-code'; text?: string; picture: string }
  /** A code, read or typed; readings when it names a sheet page of this quiz. */
  | {
      kind: 'sheet';
      code: SheetCode;
      typed: boolean;
      readings?: Reading[];
      /** Picture of each doubtful reading, by target. */
      pictures?: Partial<Record<number | 'id', string>>;
      /** A sheet with a student-ID grid left empty: what tells a second scan of it (scan/rescans.ts). */
      unmarked?: UnmarkedPicture;
    };

/** The picture of a sheet with no student ID marked, reduced to what tells a second scan of it. */
export interface UnmarkedPicture {
  /** Its ink, deflated. */
  fingerprint: PackedFingerprint;
  /** Whether a name is written on its name line. */
  named: boolean;
  /** SHA-256 of the page's image as scanned: the same scan handed in twice has the same. */
  image: string;
}

export async function readScanPage(job: PageJob, context: ReadContext): Promise<PageOutcome> {
  let image: GreyImage;
  try {
    image = await decodeImage(job.data);
  } catch {
    return { kind: 'unopenable' };
  }
  const name = (what: string) => `p${String(job.ordinal).padStart(4, '0')}-${what}.png`;
  const save = async (what: string, png: Promise<Buffer>) => {
    const file = name(what);
    await writeFile(path.join(context.pictures, file), await png);
    return file;
  };
  const located = locateSheet(image);
  if (located.kind === 'no-marks') {
    if (located.blank) return { kind: 'no-marks', blank: true };
    return { kind: 'no-marks', blank: false, picture: await save('page', thumbnail(image)) };
  }
  let code: SheetCode | undefined;
  let typed = false;
  if (located.kind === 'sheet') code = located.code;
  else if (job.typedCode) {
    code = typedSheetCode(job.typedCode, context);
    typed = true;
  }
  if (!code) {
    return {
      kind: 'no-code',
      ...(located.kind === 'no-code' && located.text ? { text: located.text } : {}),
      picture: await save('page', thumbnail(image)),
    };
  }
  const layout = context.layouts.get(code.copy);
  const sheetPage = layout?.pages[code.page - 1];
  if (
    code.quizId !== context.quizId ||
    code.seed !== context.seed ||
    !layout ||
    !sheetPage ||
    layout.pages.length !== code.pages
  )
    return { kind: 'sheet', code, typed };
  const measured = measureBubbles(
    image,
    located.map,
    located.levels,
    pageBubbles(sheetPage).map((b) => b.bubble),
  );
  const readings = readPage(sheetPage, measured);
  const pictures: Partial<Record<number | 'id', string>> = {};
  for (const reading of readings) {
    if (!reading.doubt || job.settled.includes(reading.target)) continue;
    const box = rowBox(sheetPage, reading.target);
    pictures[reading.target] = await save(
      reading.target === 'id' ? 'id' : `item-${reading.target}`,
      toPng(rectify(image, located.map, box, 6)),
    );
  }
  // Without an ID only the picture tells a second scan of a sheet from another pupil's sheet.
  const unmarked = readings.some((r) => r.target === 'id' && r.value === '');
  return {
    kind: 'sheet',
    code,
    typed,
    readings,
    pictures,
    ...(unmarked ? { unmarked: unmarkedPicture(job.data, image, located, layout) } : {}),
  };
}

function unmarkedPicture(
  data: Uint8Array,
  image: GreyImage,
  located: { map: Homography; levels: Levels },
  layout: SheetLayout,
): UnmarkedPicture {
  const print = fingerprint(image, located.map, located.levels, layout);
  return {
    fingerprint: packFingerprint(print),
    named: hasWriting(print, nameArea(layout.width)),
    image: createHash('sha256').update(data).digest('hex'),
  };
}

/** "K7QF 1" (copy code and sheet page as printed under the QR) as a sheet code of this quiz. */
function typedSheetCode(text: string, context: ReadContext): SheetCode {
  const [copy = '', page] = text.trim().toUpperCase().split(/\s+/);
  const layout = context.layouts.get(copy);
  return {
    quizId: context.quizId,
    seed: context.seed,
    copy,
    page: Number(page ?? 1),
    pages: layout?.pages.length ?? 1,
  };
}

/** The area of the sheet a reading comes from, in mm: its bubbles with a margin. */
function rowBox(page: SheetPage, target: number | 'id') {
  const bubbles = pageBubbles(page)
    .filter((b) => b.target === target)
    .map((b) => b.bubble);
  const row: SheetRow | undefined = page.rows.find((r) => r.item === target);
  const xs = bubbles.map((b) => b.x);
  const ys = bubbles.map((b) => b.y);
  const left = Math.min(...xs, row ? row.label.x - 8 : Infinity) - 3;
  const top = Math.min(...ys) - (row?.kind === 'number' || target === 'id' ? 11 : 4);
  const right = Math.max(...xs) + 4;
  const bottom = Math.max(...ys) + 4;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
