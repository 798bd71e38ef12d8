/**
 * Pasted text: the article as copied out of a browser or a word processor.
 * The text is kept verbatim, but for characters no reader sees (invisible.ts); furniture lines are removed or flagged one line
 * at a time (a footer pasted without blank lines is never merged into a
 * paragraph); the headline, byline and date are read from the lines above
 * the first paragraph of prose.
 */
import type { Extracted, ImportNote } from './extracted.js';
import { withoutInvisible } from './invisible.js';
import {
  bylineAuthor,
  dateline,
  dateOnlyLine,
  furniture,
  looksLikeProse,
  type Verdict,
} from './furniture.js';

export interface Block {
  /** Line in the raw text where the block starts. */
  line: number;
  text: string;
}

export function extractText(pasted: string): Extracted {
  const raw = withoutInvisible(pasted);
  const removed: ImportNote[] = [];
  const unsure: ImportNote[] = [];
  const remove = (block: Block, reason: string): void => {
    removed.push({ line: block.line, text: block.text, reason });
  };
  const judged = splitBlocks(raw).map((block) => ({ block, verdict: furniture(block.text) }));

  // Footer: from the first footer marker after the article has started.
  const firstProse = judged.findIndex(
    ({ block, verdict }) => !verdict && looksLikeProse(block.text),
  );
  let end = judged.length;
  const footerAt = judged.findIndex(
    (j, i) => i > firstProse && firstProse >= 0 && j.verdict?.action === 'footer',
  );
  if (footerAt >= 0) {
    end = footerAt;
    for (const { block, verdict } of judged.slice(footerAt))
      remove(
        block,
        verdict && verdict.action !== 'unsure' ? verdict.reason : judged[footerAt]!.verdict!.reason,
      );
  }

  let author: Extracted['author'];
  let published: Extracted['published'];
  const kept: { block: Block; verdict?: Verdict }[] = [];
  for (const { block, verdict } of judged.slice(0, end)) {
    if (verdict?.action === 'remove' || verdict?.action === 'footer') {
      const name = bylineAuthor(block.text);
      const date = dateOnlyLine(block.text);
      if (name && !author) {
        author = { value: name, from: `the byline on line ${block.line}` };
        remove(block, 'byline (used as the author)');
      } else if (date && !published) {
        published = { value: date, from: `the date on line ${block.line}` };
        remove(block, 'date line (used as the publication date)');
      } else remove(block, verdict.reason);
    } else kept.push(verdict ? { block, verdict } : { block });
  }

  // Header: the lines before the first paragraph of prose. The headline is
  // the last of them; the ones above it are the site's name and sections.
  const bodyStart = kept.findIndex(({ block }) => looksLikeProse(block.text));
  const header = bodyStart < 0 ? [] : kept.slice(0, bodyStart);
  const body = bodyStart < 0 ? kept : kept.slice(bodyStart);
  let title: Extracted['title'];
  const outletHints: string[] = [];
  for (let i = header.length - 1; i >= 0; i--) {
    const { block } = header[i]!;
    if (!title) {
      title = { value: block.text, from: `the headline on line ${block.line}` };
      remove(block, 'headline (used as the title)');
    } else {
      outletHints.unshift(block.text);
      remove(block, 'site header');
    }
  }

  for (const { block, verdict } of body) {
    if (verdict?.action === 'unsure')
      unsure.push({ line: block.line, text: block.text, reason: verdict.reason });
    else if (!/[.!?"'”’)\]]$/.test(block.text))
      unsure.push({
        line: block.line,
        text: block.text,
        reason: 'does not end like a sentence; kept, check nothing is missing',
      });
  }

  const paragraphs = body.map(({ block }) => block.text);
  const place = paragraphs[0] === undefined ? undefined : dateline(paragraphs[0]);
  const byLine = (a: ImportNote, b: ImportNote): number => (a.line ?? 0) - (b.line ?? 0);
  return {
    paragraphs,
    removed: removed.sort(byLine),
    unsure: unsure.sort(byLine),
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
    ...(author ? { author } : {}),
    ...(place ? { dateline: { value: place, from: 'the first paragraph' } } : {}),
    outletHints,
  };
}

/**
 * Paragraphs are blocks separated by blank lines, unless the text has (almost)
 * no blank lines, in which case each line is a paragraph. Inside a block, a
 * line that is furniture on its own ("Share this article", a byline, a date)
 * is split off, so it is never merged into the paragraph around it.
 */
export function splitBlocks(raw: string): Block[] {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  const blank = lines.slice(0, -1).filter((l) => l.trim() === '').length;
  const byBlankLines = blank > 0 && blank * 4 >= nonBlank;
  const blocks: Block[] = [];
  let current: { line: number; text: string }[] = [];
  const flush = (): void => {
    // Only a furniture line at the edge of a block splits it: a wrapped
    // sentence whose middle line happens to read "on February 3, 2021" stays whole.
    const isFurniture = (l: { text: string } | undefined): boolean =>
      l !== undefined && (furniture(l.text)?.action ?? 'unsure') !== 'unsure';
    const split = current.length > 1 && (isFurniture(current[0]) || isFurniture(current.at(-1)));
    const pieces = split ? current.map((l) => [l]) : [current];
    for (const piece of pieces) {
      const text = piece
        .map((l) => l.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) blocks.push({ line: piece[0]!.line, text });
    }
    current = [];
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      flush();
      return;
    }
    if (!byBlankLines) flush();
    current.push({ line: i + 1, text: line.trim() });
  });
  flush();
  return blocks;
}
