/**
 * Where each copy of a printed chunk starts and ends. Chromium prints a
 * chunk of copies as one document; templates/layout.njk gives each copy a
 * named page with a link to it, so Chromium records the page it starts on
 * as a named destination (and, for a copy with an answer sheet, where the
 * sheet starts). The pack assembler (pack.ts) and the versions' duplex
 * check (sheet-recto.ts) read the copies' pages from those destinations.
 */
import { HandoutError } from '../errors.js';
import type { SourcePage } from './pdf-source.js';

export interface PageRange {
  /** 0-based, end exclusive. */
  start: number;
  end: number;
}

/** Each named part's pages, from the named destinations Chromium wrote for them. */
export function partRanges(
  destinations: ReadonlyMap<string, number>,
  pages: readonly SourcePage[],
  names: readonly string[],
): PageRange[] {
  const index = new Map(pages.map((page, i) => [page.num, i]));
  const starts = names.map((name) => {
    const page = destinations.get(name);
    const start = page === undefined ? undefined : index.get(page);
    if (start === undefined) throw lostPart(name, 'has no start page');
    return start;
  });
  starts.forEach((start, i) => {
    const expected = i === 0 ? start === 0 : start > starts[i - 1]!;
    if (!expected) throw lostPart(names[i]!, 'does not start after the one before it');
  });
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? pages.length }));
}

/**
 * The parts are marked by templates/layout.njk; a project's own layout that
 * dropped the marks (or an old copy of it) is the one way to get here.
 */
function lostPart(name: string, problem: string): HandoutError {
  return new HandoutError(
    `Could not find where each copy starts in the printed pack: part "${name}" ${problem}. If your project has its own templates/layout.njk, compare it with handout's: it must keep the "part" branches (each copy on its own named page, with the link to it).`,
    { code: 'pack-parts-lost' },
  );
}

/**
 * Where, counted from the copy's first page, a blank page must go so that
 * the copy's answer sheet (destination "<name>-sheet") starts on a
 * right-hand page; undefined when it already does, or when there is no sheet.
 */
export function sheetBreak(
  destinations: ReadonlyMap<string, number>,
  pages: readonly SourcePage[],
  name: string,
  range: PageRange,
): number | undefined {
  const sheet = destinations.get(`${name}-sheet`);
  const offset = pages.findIndex((page) => page.num === sheet) - range.start;
  return offset > 0 && offset < range.end - range.start && offset % 2 === 1 ? offset : undefined;
}

/** Each page's number within its copy and its copy's page count, by page index. */
export function numbering(ranges: readonly PageRange[]): { number: number; total: number }[] {
  return ranges.flatMap((range) =>
    Array.from({ length: range.end - range.start }, (_, i) => ({
      number: i + 1,
      total: range.end - range.start,
    })),
  );
}
