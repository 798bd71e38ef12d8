/**
 * Words as the item-writing rules compare them: Markdown emphasis dropped,
 * case folded, reduced to their stems ("treaties" and "treaty" are one
 * word), and the small words every sentence has left out.
 */
import porter2 from 'wink-porter2-stemmer';

/** Prompt and option text without Markdown emphasis markers or code ticks. */
export function plainText(text: string): string {
  // Most options have no Markdown at all: skip the replacement then.
  const plain = MARKUP.test(text) ? text.replace(/[*_`]+/g, '') : text;
  return plain.replace(/\s+/g, ' ').trim();
}

const MARKUP = /[*_`]/;

/** Printed length of an option, in characters. */
export function visibleLength(text: string): number {
  return [...plainText(text)].length;
}

const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of to in on at by for with from into onto over under about ' +
    'as than then that this these those there here it its it’s is are was were be been being am ' +
    'do does did done has have had having will would shall should can could may might must ' +
    'not no yes which what who whom whose when where why how whether if while after before ' +
    'during between against among through per via he she they them their his her we our you your ' +
    'i me my one ones some any all each every both either neither other another such own same ' +
    'more most less least very also only just even still again once up down out off new said says ' +
    'say according following statement article text paragraph'
  ).split(' '),
);

/**
 * The word's stem, so that the forms of one word compare equal: Porter2
 * (the Snowball English stemmer, a well-tested library) folds inflections
 * ("treaties", "treaty"; "deployed", "deploying"), and two derivations it
 * leaves apart are folded first ("agreement" to "agree", "ratification"
 * to "ratify"), since a question's wording and its answer often differ
 * by just that. Remembered: a bank repeats its words.
 */
export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  let known = stems.get(lower);
  if (known === undefined) {
    const base = lower
      .replace(/(?<=[a-z]{4})ment(s?)$/, '')
      .replace(/(?<=[a-z]{3})ification(s?)$/, 'ify');
    known = porter2(base);
    if (stems.size < MAX_REMEMBERED) stems.set(lower, known);
  }
  return known;
}

const stems = new Map<string, string>();
/** A bound on the memo: a bank of 10,000 questions has some 20,000 distinct words. */
const MAX_REMEMBERED = 200_000;

/** Every word of the text, lower-cased, in order. */
export function words(text: string): string[] {
  return (
    plainText(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  );
}

/** The stems of the text's content words: no small words, nothing shorter than 3 letters. */
export function contentStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of words(text)) {
    if (STOPWORDS.has(word) || (word.length < 3 && !/\d/.test(word))) continue;
    stems.add(stem(word));
  }
  return stems;
}

/** Spans of text written in Markdown emphasis (*x*, _x_, **x**, __x__). */
export function emphasisedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(/(\*\*|__|\*|_)(?=\S)([\s\S]+?)(?<=\S)\1/g))
    spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** Spans of text inside double quotation marks, straight or curly. */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(/"[^"]*"|“[^”]*”/g))
    spans.push([match.index, match.index + match[0].length]);
  return spans;
}

export const within = (spans: [number, number][], index: number): boolean =>
  spans.some(([start, end]) => index >= start && index < end);
