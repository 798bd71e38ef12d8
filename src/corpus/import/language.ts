/**
 * The language a page is written in, for reading its dates ("24. Juli 2017", "31 mai 2012"): the
 * language it declares (`<html lang>`, a `content-language` or `language` meta tag, `og:locale`), or,
 * where it declares none, the one its words are in. Only the languages whose dates a reader of this
 * tool's pages meets most are guessed; a page in another one is read as before, as English.
 */

/** Short words that are common in one of these languages and rare in the others. */
const COMMON_WORDS: [string, Set<string>][] = [
  ['en', new Set(['the', 'and', 'of', 'to', 'is', 'that', 'with', 'for', 'was', 'this'])],
  ['de', new Set(['der', 'die', 'und', 'das', 'ist', 'mit', 'für', 'nicht', 'auch', 'sich'])],
  ['fr', new Set(['le', 'la', 'les', 'et', 'des', 'est', 'une', 'pour', 'dans', 'qui'])],
  ['es', new Set(['el', 'los', 'las', 'y', 'del', 'que', 'una', 'por', 'con', 'para'])],
  ['it', new Set(['il', 'di', 'che', 'della', 'per', 'una', 'sono', 'gli', 'nel', 'con'])],
  ['nl', new Set(['de', 'het', 'een', 'van', 'en', 'niet', 'voor', 'zijn', 'ook', 'met'])],
  ['pt', new Set(['os', 'as', 'do', 'da', 'uma', 'não', 'para', 'com', 'que', 'em'])],
];

export function pageLanguage(document: Document): string | undefined {
  // Readability, run before the date is read, leaves some saved pages without a root element (one that
  // opens with an ASCII-art comment): nothing is declared or readable there, and reading the body throws.
  if (!document.documentElement) return undefined;
  const declared =
    document.documentElement?.getAttribute('lang') ??
    metaContent(document, 'meta[http-equiv="content-language" i]') ??
    metaContent(document, 'meta[name="content-language" i], meta[name="language" i]') ??
    metaContent(document, 'meta[property="og:locale" i]')?.replace('_', '-');
  if (declared && declared.trim() !== '') return declared.trim().split(/[,\s]/)[0];
  return languageOfWords(document.body?.textContent ?? '');
}

function metaContent(document: Document, selector: string): string | undefined {
  return document.querySelector(selector)?.getAttribute('content') ?? undefined;
}

/**
 * The language most of a text's common short words belong to, when it clearly leads (twice the
 * next one's count, and at least a dozen words): a menu or a few words say too little to tell.
 */
export function languageOfWords(text: string): string | undefined {
  const words = text
    .slice(0, 20_000)
    .toLowerCase()
    .split(/[^\p{L}]+/u);
  const counts = COMMON_WORDS.map(([lang, common]): [string, number] => [
    lang,
    words.filter((w) => common.has(w)).length,
  ]).sort((a, b) => b[1] - a[1]);
  const [best, next] = counts;
  return best && next && best[1] >= 12 && best[1] >= 2 * next[1] ? best[0] : undefined;
}
