/**
 * From scanned pages to copies: each page is located and read (pool.ts),
 * in scan order, and its outcome sorted: pages of other quizzes and pages
 * that are not sheets are set aside with their file and page number,
 * doubtful readings are asked (doubt-ledger.ts), a second scan of a sheet
 * with no ID is told from another pupil's (rescans.ts). The pages are then
 * grouped into copies (assemble.ts) and the answers given on paper asked
 * for (paper-answers.ts). The teacher's corrections, keyed as keys.ts
 * names each question, are applied on the way.
 */
import type { QuizCopy } from '../quiz/copy.js';
import { ProblemList } from '../errors.js';
import { sheetCodeText } from '../sheet/code.js';
import { sheetLayout } from '../sheet/layout.js';
import type { SheetLayout } from '../sheet/layout-types.js';
import { assemble, type PageRead } from './assemble.js';
import { CORRECTIONS_HAVE_MISTAKES } from './corrections.js';
import { DoubtLedger } from './doubt-ledger.js';
import { pageKey, sameSheetKey, targetKey } from './keys.js';
import { answersOnPaper } from './paper-answers.js';
import { marksOf, RescanFinder, type Rescan, type UnmarkedSheet } from './rescans.js';
import { startReaders } from './pool.js';
import type { PageOutcome } from './read-page.js';
import type { ScanResult, ScanSetup, SetAside } from './scan-result.js';
import type { ScanPage } from './sources.js';

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
  const setAside: SetAside[] = [];
  const notes: string[] = [];
  const reads: PageRead[] = [];
  const problems = new ProblemList();
  const doubts = new DoubtLedger(setup, problems);
  const rescans = new RescanFinder();
  /** Sheets with no ID marked, by page key, for a second scan that brings the teacher's ID. */
  const unmarked = new Map<string, { sheet: UnmarkedSheet; read: PageRead }>();
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
      const s = doubts.summary(scan.file);
      s.pages++;
      if (!pending) {
        doubts.corrected++;
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
        doubts.ask({
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
      if (outcome.typed) doubts.corrected++;
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
        const answer = doubts.ask({
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
    const answer = doubts.ask({
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
    if (sheet.typedId !== undefined) doubts.corrected++;
    if (sheet.typedId !== undefined && first.typedId === undefined) {
      first.typedId = sheet.typedId;
      const { read } = unmarked.get(pageKey(first.file, first.page))!;
      const id = read.readings.find((r) => r.target === 'id')!;
      read.idAsRead = id.value;
      id.value = sheet.typedId;
      const key = targetKey(first.file, first.page, 'id');
      doubts.withdraw((k) => k === key);
    }
    const who = first.typedId
      ? `version ${sheet.version} with student ID ${first.typedId}`
      : `version ${sheet.version} with no student ID`;
    notes.push(
      `${sheet.file} page ${sheet.page} is a second scan of sheet ${sheet.sheetPage} of ${who} (${first.file} page ${first.page}): ${why}${exact ? '' : ', but for marks one scan is unsure of'}; it was counted once${exact ? '' : ', as the first scan reads it'}`,
    );
  }

  const copies = assemble(reads, layoutOf, doubts, notes);
  answersOnPaper(copies, layoutOf, doubts, setup.correctionsAt, problems);
  problems.throwIfErrors(CORRECTIONS_HAVE_MISTAKES);
  return {
    copies,
    doubts: doubts.open,
    corrected: doubts.corrected,
    setAside,
    notes,
    files: doubts.summaries(),
  };
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
