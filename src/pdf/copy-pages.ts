/**
 * Copying printed pages from one PDF into another at the byte level: each
 * page and every object it uses is renumbered and written straight into
 * the target, streams copied as printed, so that a pack of 1,000 copies
 * holds one printed chunk in memory, not the whole document. Each page is
 * stamped with its copy's own "Page x of y" (page-numbers.ts) on the way.
 */
import { FONT_KEY, type PageNumbers } from './page-numbers.js';
import type { PdfSource, SourcePage } from './pdf-source.js';
import { PdfDict, PdfRef, referencesIn, serialize, type PdfValue } from './pdf-syntax.js';
import type { PdfWriter } from './pdf-writer.js';

/** Where copied pages go: the writer, its page numbers and the page tree node they hang from. */
export interface PageTarget {
  writer: PdfWriter;
  numbers: PageNumbers;
  /** The page tree node the copied pages hang from. */
  parent: number;
}

/** A page's number within its copy and its copy's page count. */
export interface PageLabel {
  number: number;
  total: number;
}

/** A page with nothing on it, the size of `box`, hung from the page tree `parent`. */
export function blankPage(writer: PdfWriter, parent: number, box: string): Promise<number> {
  return writer.add(`<</Type /Page\n/Parent ${parent} 0 R\n/MediaBox ${box}\n/Resources <<>>>>`);
}

export function mediaBox(source: PdfSource, page: SourcePage): string {
  return serialize(source.resolve(page.dict.get('MediaBox')) ?? '[0 0 612 792]', () => 'null');
}

export async function writePageTree(
  writer: PdfWriter,
  root: number,
  kids: readonly number[],
): Promise<void> {
  const refs = kids.map((kid) => `${kid} 0 R`).join(' ');
  await writer.write(root, `<</Type /Pages\n/Kids [${refs}]\n/Count ${kids.length}>>`);
}

/** A page's own keys that point back up the tree, never followed when copying. */
const UPWARDS = new Set(['Parent']);

/**
 * Writes `pages` of `source`, and every object they use, into the target
 * with new numbers, each page stamped with its label; returns the pages'
 * new numbers in order. Objects outside the pages (the catalog, the page
 * tree, other pages) are not copied: a reference to one becomes null.
 */
export async function copyPages(
  source: PdfSource,
  pages: readonly SourcePage[],
  labels: readonly PageLabel[],
  target: PageTarget,
): Promise<number[]> {
  const { writer } = target;
  const renumbered = new Map<number, number>();
  const pageIndex = new Map(pages.map((page, i) => [page.num, i]));
  const order: number[] = [];
  const visit = (num: number): void => {
    if (renumbered.has(num)) return;
    const type = source.dict(new PdfRef(num))?.get('Type');
    const isPage = pageIndex.has(num);
    if (!isPage && (type === '/Page' || type === '/Pages' || type === '/Catalog')) return;
    renumbered.set(num, writer.allocate());
    order.push(num);
  };
  // Breadth first from the pages, in page order: the same input gives the same numbering.
  for (const page of pages) visit(page.num);
  for (let i = 0; i < order.length; i++) {
    const num = order[i]!;
    const value = pageIndex.has(num) ? pages[pageIndex.get(num)!]!.dict : source.object(num).value;
    for (const ref of referencesIn(value, UPWARDS)) visit(ref.num);
  }
  const rename = (ref: PdfRef): string => {
    const num = renumbered.get(ref.num);
    return num === undefined ? 'null' : `${num} 0 R`;
  };
  const font = await target.numbers.font();
  for (const num of order) {
    const index = pageIndex.get(num);
    const newNum = renumbered.get(num)!;
    if (index !== undefined) {
      const page = pages[index]!;
      const label = labels[index]!;
      await writer.write(newNum, await stampedPage(source, page, label, target, font, rename));
      continue;
    }
    const { value, stream } = source.object(num);
    if (stream && value instanceof PdfDict) {
      // The length written directly: the object it may refer to need not come along.
      const dict = new PdfDict(value.entries).set('Length', String(stream.length));
      await writer.write(newNum, serialize(dict, rename), stream);
    } else await writer.write(newNum, serialize(value, rename));
  }
  return pages.map((page) => renumbered.get(page.num)!);
}

/** A page's dictionary, hung from the target's page tree, with its label drawn after its content. */
async function stampedPage(
  source: PdfSource,
  page: SourcePage,
  label: PageLabel,
  target: PageTarget,
  font: number,
  rename: (ref: PdfRef) => string,
): Promise<string> {
  const dict = new PdfDict(page.dict.entries);
  const mediaBox = source.resolve(dict.get('MediaBox'));
  const box = Array.isArray(mediaBox) ? mediaBox.map((n) => Number(source.resolve(n))) : [];
  const width = box.length === 4 ? box[2]! - box[0]! : 612;
  const { before, after } = await target.numbers.around(label.number, label.total, width);
  const resources = new PdfDict(source.dict(dict.get('Resources'))?.entries ?? []);
  const fonts = new PdfDict(source.dict(resources.get('Font'))?.entries ?? []);
  // Already written with its new number: kept as a token, not renamed again.
  fonts.set(FONT_KEY, `${font} 0 R`);
  resources.set('Font', fonts);
  const contents = source.resolve(dict.get('Contents'));
  const own: PdfValue[] = Array.isArray(contents)
    ? contents
    : contents === undefined
      ? []
      : [dict.get('Contents')!];
  const streams = [
    `${before} 0 R`,
    ...own.map((ref) => serialize(ref, rename)),
    ...after.map((n) => `${n} 0 R`),
  ];
  dict.set('Parent', `${target.parent} 0 R`);
  dict.set('Resources', resources);
  dict.set('Contents', `[${streams.join(' ')}]`);
  return serialize(dict, rename);
}
