/**
 * Words as the item-writing rules compare them: Markdown emphasis dropped,
 * case folded, common endings stripped ("treaties" and "treaty" are one
 * word), and the small words every sentence has left out.
 */

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

/** The word with its common English endings removed. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ch|sh|ss|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

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
