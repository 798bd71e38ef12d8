/**
 * Drafts a corpus file from a raw article saved from the web. It keeps the
 * text verbatim, strips obvious furniture, infers what metadata it safely
 * can, and leaves the rest as marked blanks for the author. Everything it
 * removed or was unsure of is reported for review.
 */
import { stringify } from 'yaml';
import { dateline, doubtfulReason, footerReason, looksLikeProse, navigationReason, timestamp } from './furniture.js';

export interface ImportNote {
  /** Line in the raw file. */
  line: number;
  text: string;
  reason: string;
}

export interface ImportDraft {
  id: string;
  markdown: string;
  paragraphs: string[];
  removed: ImportNote[];
  unsure: ImportNote[];
  /** Front-matter fields the author must fill in. */
  blanks: string[];
}

interface Block {
  line: number;
  text: string;
}

/** Marks a field the importer could not fill; lint rejects it until the author does. */
export const BLANK_MARK = 'FILL IN';

export function draftArticle(raw: string, options: { id?: string; sourceFile?: string } = {}): ImportDraft {
  const blocks = splitBlocks(raw);
  const removed: ImportNote[] = [];
  const unsure: ImportNote[] = [];
  const remove = (block: Block, reason: string): void => {
    removed.push({ line: block.line, text: block.text, reason });
  };

  // Footer: from the first footer marker to the end.
  let end = blocks.length;
  const footerAt = blocks.findIndex((b) => footerReason(b.text) !== undefined);
  if (footerAt >= 0) {
    end = footerAt;
    const reason = footerReason(blocks[footerAt]!.text)!;
    for (const block of blocks.slice(footerAt)) remove(block, reason);
  }

  // Header: everything before the first block of prose.
  const kept = blocks.slice(0, end).filter((block) => {
    const reason = navigationReason(block.text);
    if (reason) remove(block, reason);
    return reason === undefined;
  });
  const bodyStart = kept.findIndex((b) => looksLikeProse(b.text));
  const header = bodyStart < 0 ? [] : kept.slice(0, bodyStart);
  const body = bodyStart < 0 ? kept : kept.slice(bodyStart);

  let published: string | undefined;
  let title: string | undefined;
  const siteLines: string[] = [];
  for (let i = header.length - 1; i >= 0; i--) {
    const block = header[i]!;
    const date = timestamp(block.text);
    if (date && !published) {
      published = date;
      remove(block, 'timestamp (used as the publication date)');
    } else if (!title && !date) {
      title = block.text;
      remove(block, 'headline (used as the title)');
    } else {
      siteLines.unshift(block.text);
      remove(block, 'site header');
    }
  }

  for (const block of body) {
    const doubt = doubtfulReason(block.text);
    if (doubt) unsure.push({ line: block.line, text: block.text, reason: `${doubt}; kept as article text, delete it if it is not` });
    else if (!/[.!?"'”’)\]]$/.test(block.text)) unsure.push({ line: block.line, text: block.text, reason: 'does not end like a sentence; kept, check nothing is missing' });
  }

  const paragraphs = body.map((b) => b.text);
  const place = paragraphs[0] === undefined ? undefined : dateline(paragraphs[0]);
  const id = options.id ?? slug(title ?? paragraphs[0] ?? 'article', published);
  const blanks: string[] = [];
  const front: [string, unknown, string?][] = [
    ['id', id],
    ['title', title ?? '', title ? undefined : 'the source has no headline: write one, in [brackets] if you make it up'],
    ['outlet', '', siteLines.length ? `the page header said: ${siteLines.map((l) => JSON.stringify(l)).join(', ')}` : 'the newspaper, agency or site that published it'],
    ['published', published ?? '', published ? undefined : 'YYYY-MM-DD, YYYY-MM or YYYY: only what the text supports'],
    ...(place ? [['dateline', place] as [string, unknown]] : []),
    ...(options.sourceFile ? [['source_file', options.sourceFile] as [string, unknown]] : []),
    ['summary', '', 'two or three sentences in your own words'],
    ['tags', []],
  ];
  const lines = front.map(([key, value, blankNote]) => {
    const rendered = stringify({ [key]: value }, { lineWidth: 0, flowCollectionPadding: false }).trimEnd();
    if (value === '' && blankNote) {
      blanks.push(key);
      return `${rendered} # ${BLANK_MARK}: ${blankNote}`;
    }
    return rendered;
  });
  const markdown = `---\n${lines.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;
  const byLine = (a: ImportNote, b: ImportNote): number => a.line - b.line;
  return { id, markdown, paragraphs, removed: removed.sort(byLine), unsure: unsure.sort(byLine), blanks };
}

/**
 * Paragraphs are blocks separated by blank lines, unless the text has (almost)
 * no blank lines, in which case each line is a paragraph.
 */
export function splitBlocks(raw: string): Block[] {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  const blank = lines.slice(0, -1).filter((l) => l.trim() === '').length;
  const byBlankLines = blank > 0 && blank * 4 >= nonBlank;
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  const flush = (): void => {
    const text = current.join(' ').replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ line: start, text });
    current = [];
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      flush();
      return;
    }
    if (!byBlankLines) flush();
    if (current.length === 0) start = i + 1;
    current.push(line);
  });
  flush();
  return blocks;
}

function slug(text: string, published: string | undefined): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 6);
  const year = published?.slice(0, 4);
  return [...words, ...(year ? [year] : [])].join('-') || 'article';
}
