/**
 * Turns what an importer found into a corpus file: front matter (each value
 * with a comment saying where it came from, every unknown left as a marked
 * blank that lint rejects), then the paragraphs.
 */
import { stringify } from 'yaml';
import type { Extracted, Found, ImportNote } from './extracted.js';

/** Marks a field the importer could not fill; lint rejects it until the author does. */
export const BLANK_MARK = 'FILL IN';

export interface ImportDraft {
  id: string;
  markdown: string;
  paragraphs: string[];
  removed: ImportNote[];
  unsure: ImportNote[];
  /** Front-matter fields the author must fill in. */
  blanks: string[];
  /** Each metadata field found, and where it came from. */
  found: { field: string; value: string; from: string }[];
}

export function draftFrom(
  extracted: Extracted,
  options: { id?: string; sourceFile?: string } = {},
): ImportDraft {
  const { title, outlet, published, author, url, dateline } = extracted;
  const paragraphs = extracted.paragraphs;
  const id =
    options.id ??
    articleId(
      [
        title?.value,
        pathWords(url?.value),
        options.sourceFile?.replace(/\.[a-z]+$/i, ''),
        paragraphs[0],
      ],
      published?.value,
    );
  const outletHint = extracted.outletHints.length
    ? `the page header said: ${extracted.outletHints.map((l) => JSON.stringify(l)).join(', ')}`
    : 'the newspaper, agency or site that published it';
  const fields: { key: string; value: unknown; found?: Found; blank?: string }[] = [
    { key: 'id', value: id },
    {
      key: 'title',
      value: title?.value ?? '',
      ...(title
        ? { found: title }
        : { blank: 'the source has no headline: write one, in [brackets] if you make it up' }),
    },
    {
      key: 'outlet',
      value: outlet?.value ?? '',
      ...(outlet ? { found: outlet } : { blank: outletHint }),
    },
    {
      key: 'published',
      value: published?.value ?? '',
      ...(published
        ? { found: published }
        : { blank: 'YYYY-MM-DD, YYYY-MM or YYYY: only what the text supports' }),
    },
    ...(author ? [{ key: 'author', value: author.value, found: author }] : []),
    ...(dateline ? [{ key: 'dateline', value: dateline.value, found: dateline }] : []),
    ...(url ? [{ key: 'source_url', value: url.value, found: url }] : []),
    ...(options.sourceFile ? [{ key: 'source_file', value: options.sourceFile }] : []),
    { key: 'summary', value: '', blank: 'two or three sentences in your own words' },
    { key: 'tags', value: [] },
  ];
  const blanks: string[] = [];
  const lines = fields.map(({ key, value, found, blank }) => {
    const rendered = stringify(
      { [key]: value },
      { lineWidth: 0, flowCollectionPadding: false },
    ).trimEnd();
    if (value === '' && blank) {
      blanks.push(key);
      return `${rendered} # ${BLANK_MARK}: ${oneLine(blank)}`;
    }
    return found ? `${rendered} # from ${oneLine(found.from)}` : rendered;
  });
  const markdown = `---\n${lines.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;
  const found = fields
    .filter((f) => f.found)
    .map((f) => ({ field: f.key, value: f.found!.value, from: f.found!.from }));
  return {
    id,
    markdown,
    paragraphs,
    removed: extracted.removed,
    unsure: extracted.unsure,
    blanks,
    found,
  };
}

/** A YAML comment ends at the line's end: keep it on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * The id is made of Latin letters and digits. A title in Chinese, Japanese, Russian or Arabic gives none
 * but its numbers ("24日6月" would give "24-6-2023"): the page's address, then the saved file's name,
 * then the first paragraph name the article instead, the first that reads as words (a headline with a
 * word of letters; else two words, and no more numbers and codes than words: not "index",
 * "doc-iicezuev4202091" or "20231102-1698920402").
 */
function articleId(names: (string | undefined)[], published: string | undefined): string {
  for (const [at, name] of names.entries()) {
    const parts = name ? slug(name, undefined).split('-') : [];
    const words = parts.filter((w) => /^[a-z]{3,}$/.test(w));
    // A headline with one word of letters ("Mandelplätzchen", "DeepMind…") still names the article.
    const enough =
      at === 0 ? words.length >= 1 : words.length >= 2 && words.length * 2 >= parts.length;
    if (enough) return slug(name!, published);
  }
  const first = slug(names.find(Boolean) ?? 'article', published);
  return /[a-z]/.test(first) ? first : slug('article', published);
}

/** The last named part of an address: "…/2023/06/24/peace-talks-resume.html" gives "peace-talks-resume". */
function pathWords(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last).replace(/\.[a-z]+$/i, '') : undefined;
  } catch {
    // An address that is not one, or a malformed %-escape in it: the other names are tried.
    return undefined;
  }
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
