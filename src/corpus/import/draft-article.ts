/** From a source (file or address) to a draft corpus file: decode, extract, draft. */
import { decode } from './decode.js';
import { draftFrom, type ImportDraft } from './draft.js';
import { extractHtml } from './html.js';
import type { RawSource } from './source.js';
import { extractText } from './text.js';

export interface SourceDraft extends ImportDraft {
  kind: RawSource['kind'];
  /** The character encoding used, and why. */
  encoding: { name: string; from: string };
}

export function draftArticle(source: RawSource, options: { id?: string } = {}): SourceDraft {
  const decoded = decode(source.bytes, {
    html: source.kind === 'html',
    ...(source.contentType ? { contentType: source.contentType } : {}),
  });
  const extracted =
    source.kind === 'html'
      ? extractHtml(decoded.text, { file: source.name, ...(source.url ? { url: source.url } : {}) })
      : extractText(decoded.text);
  if (source.url && !extracted.url)
    extracted.url = { value: source.url, from: 'the address it was fetched from' };
  const sourceFile = source.url ? undefined : source.file?.split(/[\\/]/).pop();
  const draft = draftFrom(extracted, { ...options, ...(sourceFile ? { sourceFile } : {}) });
  return { ...draft, kind: source.kind, encoding: { name: decoded.encoding, from: decoded.from } };
}

/** Pasted text already in memory (the bundled seeds, tests). */
export function draftText(
  raw: string,
  options: { id?: string; sourceFile?: string } = {},
): ImportDraft {
  return draftFrom(extractText(raw), options);
}
