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
import type { CopyItem, QuizCopy } from '../quiz/copy.js';
import { ProblemList } from '../errors.js';
import { readAnswer } from '../grade/answers.js';
import type { CopySet } from '../grade/copies.js';
import type { SheetCode } from '../sheet/code.js';
import { sheetCodeText } from '../sheet/code.js';
import { sheetLayout, type SheetLayout } from '../sheet/layout.js';
import type { Reading } from './decide.js';
import {
  marksOf,
  RescanFinder,
  sameMarks,
  type Marks,
  type Rescan,
  type UnmarkedSheet,
} from './rescans.js';
import { startReaders } from './pool.js';
import type { PageOutcome } from './read-page.js';
import type { ScanPage } from './sources.js';

export interface ScanSetup {
  quizId: string;
  seed: number;
  copies: CopySet;
  idDigits: number;
  /** Teacher's corrections by key (see corrections.ts). */
  corrections: ReadonlyMap<string, string>;
  /** Every key the corrections file lists, answered or not: an open doubt keeps the entry it has. */
  listed?: ReadonlySet<string>;
  /** Where the corrections come from: the file and each key's answer line, for messages. */
  correctionsAt?: { file: string; lines: ReadonlyMap<string, number> };
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
  /** File name of the picture of the doubtful area (or of the page), in the pictures folder. */
  picture?: string;
}

/** A page that is not (a readable part of) this quiz: reported, never graded. */
export interface SetAside {
  file: string;
  page: number;
  reason: string;
  /** File name of a small picture of the page, in the pictures folder. */
  picture?: string;
}

export interface ScannedCopy {
  copy: QuizCopy;
  /** The student id for the responses: the roster's, or the ID marked on a version copy ("" if none). */
  id: string;
  /**
   * A version copy with no student ID marked: the one sheet it was read
   * from. Such a sheet is a copy of its own, never merged with another
   * unidentified sheet of the same version (they are different pupils).
   */
  unidentified?: { file: string; page: number };
  /** Item number → answer in §5 notation ("" unanswered). */
  answers: Map<number, string>;
  /** Sheet pages seen, with where each came from. */
  pages: Map<number, { file: string; page: number }>;
  /**
   * The keys the corrections file named this copy by before the teacher
   * wrote its student ID ("copy A no ID scans.pdf#3"): entries written
   * under them still apply, and are not asked again under the new name.
   */
  formerKeys: string[];
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
  /** The student ID as read (before the teacher's correction), when the teacher wrote one. */
  idAsRead?: string;
  /** The marks as read, before the teacher's corrections: how a second scan is told. */
  asRead: Marks;
}

export const pageKey = (file: string, page: number) => `${file}#${page}`;
/** The question whether a sheet with no name and no ID is a second scan of an earlier one. */
export const sameSheetKey = (
  sheet: { file: string; page: number },
  first: { file: string; page: number },
) => `${pageKey(sheet.file, sheet.page)} same sheet as ${pageKey(first.file, first.page)}`;
export const targetKey = (file: string, page: number, target: number | 'id') =>
  `${pageKey(file, page)} ${target === 'id' ? 'id' : `item ${target}`}`;

export async function collate(
  setup: ScanSetup,
  pages: AsyncIterable<ScanPage>,
  pictures: string,
): Promise<ScanResult> {
  const layouts = new Map<QuizCopy, SheetLayout>();
  const layoutOf = (copy: QuizCopy) => {
    let layout = layouts.get(copy);
    if (!layout) layouts.set(copy, (layout = sheetLayout(copy, { idDigits: setup.idDigits })));
    return layout;
  };
  const copyOf = (code: string) =>
    setup.copies.byVersion.get(code) ?? setup.copies.roster?.byCode.get(code);
  const doubts: Doubt[] = [];
  const setAside: SetAside[] = [];
  const notes: string[] = [];
  const reads: PageRead[] = [];
  const files = new Map<string, FileSummary>();
  let corrected = 0;
  const problems = new ProblemList();

  /**
   * The teacher's answer to a doubt, under its key or one the copy had
   * before its ID was written (`formerKeys`), or undefined while it is
   * open. `d.key` becomes the key of the entry that answers it, or that
   * the file already has for it.
   */
  const doubt = (d: Doubt, formerKeys: readonly string[] = []): string | undefined => {
    const keys = [d.key, ...formerKeys];
    const answered = keys.filter((k) => setup.corrections.has(k));
    if (answered.length > 0) {
      const answers = new Set(answered.map((k) => setup.corrections.get(k)));
      if (answers.size > 1 && setup.correctionsAt) {
        const { file, lines } = setup.correctionsAt;
        problems.error(
          { file, ...(lines.has(answered[0]!) ? { line: lines.get(answered[0]!)! } : {}) },
          'corrections-conflict',
          `the entries ${answered.map((k) => `"${k}" (line ${lines.get(k) ?? '?'})`).join(' and ')} answer the same question of the same sheet differently; delete the one that is wrong`,
        );
      }
      d.key = answered[0]!;
      corrected++;
      return setup.corrections.get(d.key);
    }
    d.key = keys.find((k) => setup.listed?.has(k)) ?? d.key;
    doubts.push(d);
    summary(d.file).doubts++;
    return undefined;
  };
  /** Takes back the open doubts a later page settled or made moot (keys matching `which`). */
  const withdraw = (which: (key: string) => boolean) => {
    for (let i = doubts.length - 1; i >= 0; i--) {
      if (!which(doubts[i]!.key)) continue;
      summary(doubts[i]!.file).doubts--;
      doubts.splice(i, 1);
    }
  };
  const rescans = new RescanFinder();
  /** Sheets with no ID marked, by page key, for a second scan that brings the teacher's ID. */
  const unmarked = new Map<string, { sheet: UnmarkedSheet; read: PageRead }>();
  const summary = (file: string) => {
    let s = files.get(file);
    if (!s) files.set(file, (s = { file, pages: 0, sheets: 0, blank: 0, setAside: 0, doubts: 0 }));
    return s;
  };

  // Every copy's layout, for the readers: they find out from the page which copy it is.
  const byCode = new Map<string, SheetLayout>();
  for (const [code, copy] of [
    ...setup.copies.byVersion,
    ...(setup.copies.roster?.byCode ?? new Map<string, QuizCopy>()),
  ])
    byCode.set(code, layoutOf(copy));
  const settled = settledTargets(setup.corrections);
  const readers = startReaders({
    quizId: setup.quizId,
    seed: setup.seed,
    layouts: byCode,
    pictures,
  });
  try {
    let ordinal = 0;
    for await (const { scan, outcome: pending } of readAhead(pages, readers.ahead, (scan) => {
      const key = pageKey(scan.file, scan.page);
      const typed = setup.corrections.get(key);
      if (typed === 'ignore') return undefined;
      return readers.read({
        ordinal: ++ordinal,
        data: scan.data,
        ...(typed ? { typedCode: typed } : {}),
        settled: settled.get(key) ?? [],
      });
    })) {
      const s = summary(scan.file);
      s.pages++;
      if (!pending) {
        corrected++;
        continue;
      }
      const outcome = await pending;
      const at = { file: scan.file, page: scan.page };
      if (outcome.kind === 'unopenable') {
        setAside.push({ ...at, reason: 'not an image handout can open' });
        s.setAside++;
        continue;
      }
      if (outcome.kind === 'no-marks') {
        if (outcome.blank) s.blank++;
        else {
          setAside.push({
            ...at,
            reason: 'not a handout answer sheet (no corner marks)',
            ...(outcome.picture ? { picture: outcome.picture } : {}),
          });
          s.setAside++;
        }
        continue;
      }
      if (outcome.kind === 'no-code') {
        doubt({
          key: pageKey(scan.file, scan.page),
          ...at,
          problem: outcome.text
            ? `the code on this page is not a handout sheet code ("${outcome.text.slice(0, 60)}")`
            : 'the sheet code (QR) cannot be read; type the copy code and sheet page printed under it, e.g. "K7QF 1", or "ignore"',
          picture: outcome.picture,
        });
        continue;
      }
      const { code } = outcome;
      // A code the teacher typed settles the page's doubt.
      if (outcome.typed) corrected++;
      if (code.quizId !== setup.quizId || code.seed !== setup.seed) {
        const reason =
          code.quizId !== setup.quizId
            ? `an answer sheet of another quiz (${sheetCodeText(code)})`
            : `printed with seed ${code.seed}, not ${setup.seed} (${sheetCodeText(code)}); scan it with --seed ${code.seed}`;
        setAside.push({ ...at, reason });
        s.setAside++;
        continue;
      }
      const copy = copyOf(code.copy);
      if (!copy || !outcome.readings) {
        setAside.push({
          ...at,
          reason: `its code (${sheetCodeText(code)}) names no copy of this quiz; was it printed with other versions or another roster? (give --versions or --roster as when printing)`,
        });
        s.setAside++;
        continue;
      }
      s.sheets++;
      const readings = outcome.readings;
      let sheet: UnmarkedSheet | undefined;
      if (outcome.unmarked) {
        const typed = setup.corrections.get(targetKey(scan.file, scan.page, 'id'));
        sheet = {
          ...at,
          version: copy.version,
          sheetPage: code.page,
          ...outcome.unmarked,
          ...(typed === undefined ? {} : { typedId: /^(blank|none)$/i.test(typed) ? '' : typed }),
        };
        const rescan = rescans.match(sheet, readings);
        if (rescan && (rescan.sure || confirmedRescan(sheet, rescan))) {
          secondScan(sheet, rescan);
          continue;
        }
      }
      const read: PageRead = { ...at, copy, code, readings, asRead: marksOf(readings) };
      for (const reading of readings) {
        if (!reading.doubt) continue;
        const picture = outcome.pictures?.[reading.target];
        const answer = doubt({
          key: targetKey(scan.file, scan.page, reading.target),
          ...at,
          problem: reading.doubt,
          proposed: reading.value,
          copy,
          ...(reading.target === 'id' ? {} : { item: reading.target }),
          ...(picture ? { picture } : {}),
        });
        if (answer !== undefined) {
          if (reading.target === 'id') read.idAsRead = reading.value;
          reading.value = /^(blank|none)$/i.test(answer) ? '' : answer;
        }
        delete reading.doubt;
      }
      if (sheet) unmarked.set(pageKey(scan.file, scan.page), { sheet, read });
      reads.push(read);
    }
  } finally {
    await readers.close();
  }

  /**
   * A likely second scan of a sheet with no name and no ID (rescans.ts):
   * only the teacher can tell it from another pupil's sheet with the same
   * answers, so they are asked, with both pages named. Until they answer,
   * each is graded on its own: a pupil counted twice shows in the
   * responses, a pupil dropped would not.
   */
  function confirmedRescan(sheet: UnmarkedSheet, rescan: Rescan): boolean {
    const { first } = rescan;
    const answer = doubt({
      key: sameSheetKey(sheet, first),
      file: sheet.file,
      page: sheet.page,
      problem: `no name and no student ID, like ${first.file} page ${first.page} (sheet ${sheet.sheetPage} of version ${sheet.version}), and the two show ${rescan.why}: write yes if this page is a second scan of that sheet (it is counted once), or no if they are two pupils' sheets (each is graded on its own)`,
      proposed: 'no',
    });
    if (answer?.toLowerCase() !== 'yes') return false;
    rescan.why += ', and the corrections file says they are one sheet';
    return true;
  }

  /**
   * A second scan of a sheet with no ID marked: counted once, and said so.
   * An ID the teacher wrote for either scan names the sheet.
   */
  function secondScan(sheet: UnmarkedSheet, { first, exact, why }: Rescan) {
    if (sheet.typedId !== undefined) corrected++;
    if (sheet.typedId !== undefined && first.typedId === undefined) {
      first.typedId = sheet.typedId;
      const { read } = unmarked.get(pageKey(first.file, first.page))!;
      const id = read.readings.find((r) => r.target === 'id')!;
      read.idAsRead = id.value;
      id.value = sheet.typedId;
      const key = targetKey(first.file, first.page, 'id');
      withdraw((k) => k === key);
    }
    const who = first.typedId
      ? `version ${sheet.version} with student ID ${first.typedId}`
      : `version ${sheet.version} with no student ID`;
    notes.push(
      `${sheet.file} page ${sheet.page} is a second scan of sheet ${sheet.sheetPage} of ${who} (${first.file} page ${first.page}): ${why}${exact ? '' : ', but for marks one scan is unsure of'}; it was counted once${exact ? '' : ', as the first scan reads it'}`,
    );
  }

  // A second scan's own doubts are not asked: its questions are those of the first scan.
  const withdrawPage = (file: string, page: number) => {
    const prefix = `${pageKey(file, page)} `;
    withdraw((k) => k.startsWith(prefix));
  };
  const copies = assemble(reads, layoutOf, doubt, withdrawPage, notes);
  answersOnPaper(copies, layoutOf, doubt, setup.correctionsAt, problems);
  problems.throwIfErrors('the corrections file has mistakes; fix them and run handout scan again');
  return { copies, doubts, corrected, setAside, notes, files: [...files.values()] };
}

/** The readings of each page (by page key) that the corrections file already answers. */
function settledTargets(corrections: ReadonlyMap<string, string>): Map<string, (number | 'id')[]> {
  const settled = new Map<string, (number | 'id')[]>();
  for (const key of corrections.keys()) {
    const match = / (id|item (\d+))$/.exec(key);
    if (!match) continue;
    const page = key.slice(0, match.index);
    settled.set(page, [...(settled.get(page) ?? []), match[2] ? Number(match[2]) : 'id']);
  }
  return settled;
}

/**
 * Pages handed to the readers `ahead` at a time and given back in scan
 * order; a page the teacher told handout to ignore is never read.
 */
async function* readAhead(
  pages: AsyncIterable<ScanPage>,
  ahead: number,
  read: (scan: ScanPage) => Promise<PageOutcome> | undefined,
): AsyncGenerator<{ scan: ScanPage; outcome: Promise<PageOutcome> | undefined }> {
  const queue: { scan: ScanPage; outcome: Promise<PageOutcome> | undefined }[] = [];
  for await (const scan of pages) {
    const outcome = read(scan);
    // A failure is reported when the page's turn comes, not as an unhandled rejection.
    outcome?.catch(() => undefined);
    // The page's bytes are with its reader now; the queue keeps only where it came from.
    queue.push({ scan: { file: scan.file, page: scan.page, data: new Uint8Array(0) }, outcome });
    if (queue.length >= ahead) yield queue.shift()!;
  }
  yield* queue;
}

/** Groups the pages into copies; reports missing and duplicate sheets. */
function assemble(
  reads: PageRead[],
  layoutOf: (copy: QuizCopy) => SheetLayout,
  doubt: (d: Doubt, formerKeys?: readonly string[]) => string | undefined,
  withdrawPage: (file: string, page: number) => void,
  notes: string[],
): ScannedCopy[] {
  const byKey = new Map<string, ScannedCopy>();
  const asRead = new Map(reads.map((r) => [pageKey(r.file, r.page), r.asRead]));
  for (const read of reads) {
    const id = read.copy.student?.id ?? read.readings.find((r) => r.target === 'id')?.value ?? '';
    // Without an ID, nothing says which pupil a sheet belongs to: it stays a copy of its own.
    const unidentified = !read.copy.student && !id;
    const key = unidentified
      ? `${read.copy.version}\u0000\u0000${pageKey(read.file, read.page)}`
      : `${read.copy.version}\u0000${id}`;
    let scanned = byKey.get(key);
    if (!scanned)
      byKey.set(
        key,
        (scanned = {
          copy: read.copy,
          id,
          answers: new Map(),
          pages: new Map(),
          formerKeys: [],
          ...(unidentified ? { unidentified: { file: read.file, page: read.page } } : {}),
        }),
      );
    // Before the teacher wrote its ID, the copy had another name in the corrections file.
    if (read.idAsRead !== undefined && read.idAsRead !== id) {
      const former = `copy ${read.copy.version}${
        read.idAsRead ? ` id ${read.idAsRead}` : ` no ID ${pageKey(read.file, read.page)}`
      }`;
      if (!scanned.formerKeys.includes(former)) scanned.formerKeys.push(former);
    }
    const earlier = scanned.pages.get(read.code.page);
    const values = read.readings.filter((r) => r.target !== 'id');
    if (earlier) {
      const same = values.every((r) => scanned.answers.get(r.target as number) === r.value);
      // Read differently only where one scan is unsure: a mark on the edge, on one paper.
      const alike = sameMarks(asRead.get(pageKey(earlier.file, earlier.page))!, read.asRead);
      const what = `sheet ${read.code.page} of ${scannedLabel(scanned)}`;
      if (same || alike) {
        notes.push(
          `${read.file} page ${read.page} is a second scan of ${what} (${earlier.file} page ${earlier.page}) with the same marks${same ? '' : ' but for those one scan is unsure of'}; it was counted once${same ? '' : ', as the first scan reads it'}`,
        );
        withdrawPage(read.file, read.page);
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
      doubt(
        {
          key: `${copyKey(scanned)} sheet ${page}`,
          file: first.file,
          problem: `sheet ${page} of ${total} of ${scannedLabel(scanned)} is missing (its sheet 1 is ${first.file} page ${first.page}); scan it, or write "blank" to grade its questions as unanswered`,
          copy: scanned.copy,
        },
        scanned.formerKeys.map((k) => `${k} sheet ${page}`),
      );
    }
  }
  return [...byKey.values()];
}

/**
 * How the corrections file names a copy (not a page): its code, and the ID
 * marked on a version copy, or for a version copy with no ID, the page it
 * was read from (once the teacher writes its ID, it is named by the ID).
 */
const copyKey = (scanned: ScannedCopy) =>
  `copy ${scanned.copy.version}${
    scanned.copy.student
      ? ''
      : scanned.unidentified
        ? ` no ID ${pageKey(scanned.unidentified.file, scanned.unidentified.page)}`
        : ` id ${scanned.id}`
  }`;

/** "version A with no student ID (scans.pdf page 3)", or copyLabel's words. */
export function scannedLabel(scanned: ScannedCopy): string {
  const at = scanned.unidentified;
  return at
    ? `version ${scanned.copy.version} with no student ID (${at.file} page ${at.page})`
    : copyLabel(scanned.copy, scanned.id);
}

/**
 * Items a sheet cannot carry (short answers, essays, matching...) are
 * answered on the question pages: each copy read gets an entry for each of
 * them in the corrections file, where the teacher writes the answer (or,
 * for an essay, the points) in the notation of the responses file. Until
 * then they are open like any doubt: grading them as unanswered would
 * be a guess.
 */
function answersOnPaper(
  copies: ScannedCopy[],
  layoutOf: (copy: QuizCopy) => SheetLayout,
  doubt: (d: Doubt, formerKeys?: readonly string[]) => string | undefined,
  at: ScanSetup['correctionsAt'],
  problems: ProblemList,
): void {
  for (const scanned of copies) {
    const first = [...scanned.pages.values()][0];
    if (!first) continue;
    for (const page of layoutOf(scanned.copy).pages)
      for (const row of page.rows) {
        if (row.kind !== 'paper') continue;
        const item = scanned.copy.items[row.item - 1]!;
        const entry: Doubt = {
          key: `${copyKey(scanned)} item ${row.item}`,
          file: first.file,
          problem: paperProblem(item, scannedLabel(scanned)),
          copy: scanned.copy,
          item: row.item,
        };
        const answer = doubt(
          entry,
          scanned.formerKeys.map((k) => `${k} item ${row.item}`),
        );
        const key = entry.key;
        if (answer === undefined) continue;
        const cell = /^(blank|none)$/i.test(answer) ? '' : answer;
        const read = readAnswer(item, cell);
        if (!read.ok && at)
          problems.error(
            { file: at.file, ...(at.lines.has(key) ? { line: at.lines.get(key)! } : {}) },
            'corrections-answer',
            `question ${row.item} of ${scannedLabel(scanned)}: ${read.message}`,
          );
        scanned.answers.set(row.item, cell);
      }
  }
}

function paperProblem(item: CopyItem, who: string): string {
  const n = `question ${item.number} of ${who}`;
  const how: Record<CopyItem['presentation']['type'], string> = {
    essay: `is marked on the paper: write the points you award (0 to ${item.points})`,
    short: "is answered on the paper: write the student's answer as written",
    cloze: "is answered on the paper: write the student's answers to its blanks, separated by |",
    matching: "is answered on the paper: write the student's pairs, e.g. 1B 2A 3C",
    ordering: "is answered on the paper: write the letters in the student's order, e.g. CABD",
    single: "is answered on the paper (too many options for the sheet): write the student's letter",
    multiple:
      "is answered on the paper (too many options for the sheet): write the student's letters",
    'true-false': "is answered on the paper: write the student's T or F",
    numeric: "is answered on the paper: write the student's number",
  };
  return `${n} ${how[item.presentation.type]}, or blank if it is not answered`;
}

export function copyLabel(copy: QuizCopy, id: string): string {
  return copy.student
    ? `${copy.student.name}'s copy (${copy.version})`
    : `version ${copy.version}${id ? ` with student ID ${id}` : ''}`;
}
