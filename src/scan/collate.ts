/**
 * From scanned pages to copies: each page is located and read, pages are
 * grouped by the copy their code names (and, on version copies, by the
 * student ID marked on them), and everything that needs a person is
 * collected as a doubt with a stable key, a crop and a proposed reading:
 * unclear marks, unreadable codes, missing and duplicate sheets. Pages of
 * other quizzes and pages that are not sheets are reported with their file
 * and page number. The teacher's corrections (keyed the same way) are
 * applied here.
 */
import type { QuizCopy } from '../quiz/copy.js';
import type { CopySet } from '../grade/copies.js';
import type { SheetCode } from '../sheet/code.js';
import { sheetCodeText } from '../sheet/code.js';
import {
  pageBubbles,
  sheetLayout,
  type SheetLayout,
  type SheetPage,
  type SheetRow,
} from '../sheet/layout.js';
import { measureBubbles } from './bubbles.js';
import { readPage, type Reading } from './decide.js';
import { decodeImage, rectify, toPng, type GreyImage } from './image.js';
import { locateSheet, type Located } from './locate.js';
import type { ScanPage } from './sources.js';

export interface ScanSetup {
  quizId: string;
  seed: number;
  copies: CopySet;
  idDigits: number;
  /** Teacher's corrections by key (see corrections.ts). */
  corrections: ReadonlyMap<string, string>;
}

export interface Doubt {
  key: string;
  file: string;
  page?: number;
  /** What the teacher is asked. */
  problem: string;
  /** The reading handout proposes ("" = unanswered), if any. */
  proposed?: string;
  copy?: QuizCopy;
  item?: number;
  /** PNG of the doubtful area (or of the page). */
  crop?: Buffer;
}

/** A page that is not (a readable part of) this quiz: reported, never graded. */
export interface SetAside {
  file: string;
  page: number;
  reason: string;
  thumbnail?: Buffer;
}

export interface ScannedCopy {
  copy: QuizCopy;
  /** The student id for the responses: the roster's, or the ID marked on a version copy. */
  id: string;
  /** Item number → answer in §5 notation ("" unanswered). */
  answers: Map<number, string>;
  /** Sheet pages seen, with where each came from. */
  pages: Map<number, { file: string; page: number }>;
}

export interface FileSummary {
  file: string;
  pages: number;
  sheets: number;
  blank: number;
  setAside: number;
  doubts: number;
}

export interface ScanResult {
  copies: ScannedCopy[];
  /** Open doubts (no correction yet). */
  doubts: Doubt[];
  /** Doubts the teacher's corrections settled. */
  corrected: number;
  setAside: SetAside[];
  /** Notes that need no action (identical duplicate scans). */
  notes: string[];
  files: FileSummary[];
}

interface PageRead {
  file: string;
  page: number;
  copy: QuizCopy;
  code: SheetCode;
  readings: Reading[];
}

export const pageKey = (file: string, page: number) => `${file}#${page}`;
export const targetKey = (file: string, page: number, target: number | 'id') =>
  `${pageKey(file, page)} ${target === 'id' ? 'id' : `item ${target}`}`;

export async function collate(
  setup: ScanSetup,
  pages: AsyncIterable<ScanPage>,
): Promise<ScanResult> {
  const layouts = new Map<QuizCopy, SheetLayout>();
  const layoutOf = (copy: QuizCopy) => {
    let layout = layouts.get(copy);
    if (!layout) layouts.set(copy, (layout = sheetLayout(copy, { idDigits: setup.idDigits })));
    return layout;
  };
  const doubts: Doubt[] = [];
  const setAside: SetAside[] = [];
  const notes: string[] = [];
  const reads: PageRead[] = [];
  const files = new Map<string, FileSummary>();
  let corrected = 0;

  const doubt = (d: Doubt): string | undefined => {
    const answer = setup.corrections.get(d.key);
    if (answer !== undefined) {
      corrected++;
      return answer;
    }
    doubts.push(d);
    summary(d.file).doubts++;
    return undefined;
  };
  const summary = (file: string) => {
    let s = files.get(file);
    if (!s) files.set(file, (s = { file, pages: 0, sheets: 0, blank: 0, setAside: 0, doubts: 0 }));
    return s;
  };

  for await (const { scan, decoded } of decodeAhead(pages)) {
    const s = summary(scan.file);
    s.pages++;
    if (setup.corrections.get(pageKey(scan.file, scan.page)) === 'ignore') {
      corrected++;
      continue;
    }
    let image: GreyImage;
    try {
      image = await decoded;
    } catch {
      setAside.push({ file: scan.file, page: scan.page, reason: 'not an image handout can open' });
      s.setAside++;
      continue;
    }
    const located = locateSheet(image);
    const code = await sheetCodeOf(located, image, setup, scan, doubt);
    if (!code) {
      if (located.kind === 'no-marks' && located.blank) s.blank++;
      else if (located.kind === 'no-marks') {
        setAside.push({
          file: scan.file,
          page: scan.page,
          reason: 'not a handout answer sheet (no corner marks)',
          thumbnail: await thumbnail(image),
        });
        s.setAside++;
      }
      continue;
    }
    if (code.quizId !== setup.quizId || code.seed !== setup.seed) {
      const reason =
        code.quizId !== setup.quizId
          ? `an answer sheet of another quiz (${sheetCodeText(code)})`
          : `printed with seed ${code.seed}, not ${setup.seed} (${sheetCodeText(code)}); scan it with --seed ${code.seed}`;
      setAside.push({ file: scan.file, page: scan.page, reason });
      s.setAside++;
      continue;
    }
    const copy =
      setup.copies.byVersion.get(code.copy) ?? setup.copies.roster?.byCode.get(code.copy);
    const layout = copy ? layoutOf(copy) : undefined;
    const sheetPage = layout?.pages[code.page - 1];
    if (
      !copy ||
      !layout ||
      !sheetPage ||
      layout.pages.length !== code.pages ||
      located.kind === 'no-marks'
    ) {
      setAside.push({
        file: scan.file,
        page: scan.page,
        reason: `its code (${sheetCodeText(code)}) names no copy of this quiz; was it printed with other versions or another roster? (give --versions or --roster as when printing)`,
      });
      s.setAside++;
      continue;
    }
    s.sheets++;
    const measured = measureBubbles(
      image,
      located.map,
      located.levels,
      pageBubbles(sheetPage).map((b) => b.bubble),
    );
    const readings = readPage(sheetPage, measured);
    for (const reading of readings) {
      if (!reading.doubt) continue;
      const answer = doubt({
        key: targetKey(scan.file, scan.page, reading.target),
        file: scan.file,
        page: scan.page,
        problem: reading.doubt,
        proposed: reading.value,
        copy,
        ...(reading.target === 'id' ? {} : { item: reading.target }),
        crop: await toPng(rectify(image, located.map, rowBox(sheetPage, reading.target), 6)),
      });
      if (answer !== undefined) reading.value = /^(blank|none)$/i.test(answer) ? '' : answer;
      delete reading.doubt;
    }
    reads.push({ file: scan.file, page: scan.page, copy, code, readings });
  }

  const copies = assemble(reads, layoutOf, doubt, notes);
  return { copies, doubts, corrected, setAside, notes, files: [...files.values()] };
}

/**
 * Decoding runs in libvips' own threads: starting the next pages' decoding
 * while this page is read keeps both cores busy.
 */
async function* decodeAhead(
  pages: AsyncIterable<ScanPage>,
): AsyncGenerator<{ scan: ScanPage; decoded: Promise<GreyImage> }> {
  const queue: { scan: ScanPage; decoded: Promise<GreyImage> }[] = [];
  for await (const scan of pages) {
    const decoded = decodeImage(scan.data);
    // A failure is reported when the page's turn comes, not as an unhandled rejection.
    decoded.catch(() => undefined);
    queue.push({ scan, decoded });
    if (queue.length > 2) yield queue.shift()!;
  }
  yield* queue;
}

/** The sheet code of a page: read from the QR, or given by the teacher for an unreadable one. */
async function sheetCodeOf(
  located: Located,
  image: GreyImage,
  setup: ScanSetup,
  scan: ScanPage,
  doubt: (d: Doubt) => string | undefined,
): Promise<SheetCode | undefined> {
  if (located.kind === 'sheet') return located.code;
  if (located.kind === 'no-marks') return undefined;
  const answer = doubt({
    key: pageKey(scan.file, scan.page),
    file: scan.file,
    page: scan.page,
    problem: located.text
      ? `the code on this page is not a handout sheet code ("${located.text.slice(0, 60)}")`
      : 'the sheet code (QR) cannot be read; type the copy code and sheet page printed under it, e.g. "K7QF 1", or "ignore"',
    crop: await thumbnail(image),
  });
  if (answer === undefined || answer === 'ignore') return undefined;
  const [copy, page] = answer.split(/\s+/);
  const target = setup.copies.byVersion.get(copy!) ?? setup.copies.roster?.byCode.get(copy!);
  const pages = target ? sheetLayout(target, { idDigits: setup.idDigits }).pages.length : 1;
  return { quizId: setup.quizId, seed: setup.seed, copy: copy!, page: Number(page ?? 1), pages };
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

async function thumbnail(image: GreyImage): Promise<Buffer> {
  const scale = Math.min(1, 360 / Math.max(image.width, image.height));
  const sharp = (await import('sharp')).default;
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length), {
    raw: { width: image.width, height: image.height, channels: 1 },
  })
    .resize(Math.round(image.width * scale))
    .png()
    .toBuffer();
}

/** Groups the pages into copies; reports missing and duplicate sheets. */
function assemble(
  reads: PageRead[],
  layoutOf: (copy: QuizCopy) => SheetLayout,
  doubt: (d: Doubt) => string | undefined,
  notes: string[],
): ScannedCopy[] {
  const byKey = new Map<string, ScannedCopy>();
  for (const read of reads) {
    const id = read.copy.student?.id ?? read.readings.find((r) => r.target === 'id')?.value ?? '';
    const key = `${read.copy.version}\u0000${id}`;
    let scanned = byKey.get(key);
    if (!scanned)
      byKey.set(key, (scanned = { copy: read.copy, id, answers: new Map(), pages: new Map() }));
    const earlier = scanned.pages.get(read.code.page);
    const values = read.readings.filter((r) => r.target !== 'id');
    if (earlier) {
      const same = values.every((r) => scanned.answers.get(r.target as number) === r.value);
      const what = `sheet ${read.code.page} of ${copyLabel(read.copy, id)}`;
      if (same) {
        notes.push(
          `${read.file} page ${read.page} is a second scan of ${what} (${earlier.file} page ${earlier.page}) with the same marks; it was counted once`,
        );
        continue;
      }
      const answer = doubt({
        key: pageKey(read.file, read.page),
        file: read.file,
        page: read.page,
        problem: `a second scan of ${what} (first: ${earlier.file} page ${earlier.page}) with different marks; write "ignore" for the one to leave out`,
        copy: read.copy,
      });
      if (answer === 'ignore') continue;
      if (answer === undefined) continue;
    }
    scanned.pages.set(read.code.page, { file: read.file, page: read.page });
    for (const r of values) scanned.answers.set(r.target as number, r.value);
  }
  for (const scanned of byKey.values()) {
    const total = layoutOf(scanned.copy).pages.length;
    for (let page = 1; page <= total; page++) {
      if (scanned.pages.has(page)) continue;
      const first = [...scanned.pages.values()][0]!;
      doubt({
        key: `copy ${scanned.copy.version}${scanned.copy.student ? '' : ` id ${scanned.id}`} sheet ${page}`,
        file: first.file,
        problem: `sheet ${page} of ${total} of ${copyLabel(scanned.copy, scanned.id)} is missing (its sheet 1 is ${first.file} page ${first.page}); scan it, or write "blank" to grade its questions as unanswered`,
        copy: scanned.copy,
      });
    }
  }
  return [...byKey.values()];
}

export function copyLabel(copy: QuizCopy, id: string): string {
  return copy.student
    ? `${copy.student.name}'s copy (${copy.version})`
    : `version ${copy.version}${id ? ` with student ID ${id}` : ''}`;
}
