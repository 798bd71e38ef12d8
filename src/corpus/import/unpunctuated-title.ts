/**
 * '"한국 반도체, 이대로는 몇 년 내에 죽습니다"…원로의 경고' shown, "한국 반도체 이대로는 몇 년 내에
 * 죽습니다…원로의 경고 | 한경닷컴" in the <title>: a site that writes its titles for search engines often
 * drops the headline's quotation marks and commas. A heading that says the words of one part of a
 * declared title, in the same order, with only its punctuation different, is the headline.
 */
import type { Found, Named } from './extracted.js';
import { wordCount } from './furniture.js';
import { comparable } from './page-parts.js';
import { titleParts } from './title-words.js';

/** The first heading (in the page's order) that says a part of three words or more of a title, punctuation aside. */
export function headingOfUnpunctuatedTitle(
  headings: string[],
  candidates: Named[],
  isOutlet: (text: string) => boolean,
): Found | undefined {
  for (const [from, value] of candidates) {
    const parts = new Set(
      titleParts(value)
        .filter((part) => wordCount(part) >= 3 && !isOutlet(part))
        .map(wordsOnly),
    );
    const match = headings.find((h) => !isOutlet(h) && parts.has(wordsOnly(h)));
    if (match)
      return { value: match, from: `the heading that says one part of ${from}, punctuation aside` };
  }
  return undefined;
}

/** The letters and figures of a text, in order, one space between runs: what is left without its punctuation. */
function wordsOnly(text: string): string {
  return (comparable(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).join(' ');
}
