/**
 * PDF object syntax, read and written as text: what joining Chromium's
 * PDFs at the byte level needs. Dictionaries and arrays are parsed so that
 * references can be renumbered and pages changed; every other token
 * (numbers, names, strings, keywords) is kept exactly as written, and
 * stream data is never decoded. Text is latin1, one character per byte.
 */

/** A token kept as written: `12`, `/Page`, `(Hello)`, `<FEFF>`, `true`, `null`. */
export type PdfToken = string;
export type PdfValue = PdfToken | PdfRef | PdfValue[] | PdfDict;

export class PdfRef {
  constructor(readonly num: number) {}
}

/** A dictionary; keys are names without their slash, in the order written. */
export class PdfDict {
  readonly entries: Map<string, PdfValue>;

  constructor(entries: Iterable<[string, PdfValue]> = []) {
    this.entries = new Map(entries);
  }

  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: PdfValue): this {
    this.entries.set(key, value);
    return this;
  }
}

export class PdfSyntaxError extends Error {
  constructor(problem: string, at: number) {
    super(`unreadable PDF at byte ${at}: ${problem}`);
    this.name = 'PdfSyntaxError';
  }
}

const WHITE = /[\0\t\n\f\r ]/;
/** Where a name, number or keyword ends. */
const DELIMITER = /[\0\t\n\f\r ()<>[\]{}/%]/;

/** Parses the value starting at `at` (after white space); returns it and where it ends. */
export function parseValue(text: string, at: number): [PdfValue, number] {
  let i = skipSpace(text, at);
  const c = text[i];
  if (c === undefined) throw new PdfSyntaxError('unexpected end', i);
  if (c === '<' && text[i + 1] === '<') {
    const dict = new PdfDict();
    i = skipSpace(text, i + 2);
    while (!(text[i] === '>' && text[i + 1] === '>')) {
      if (text[i] !== '/') throw new PdfSyntaxError('a dictionary key must be a name', i);
      const end = tokenEnd(text, i + 1);
      const key = text.slice(i + 1, end);
      const [value, next] = parseValue(text, end);
      dict.set(key, value);
      i = skipSpace(text, next);
    }
    return [dict, i + 2];
  }
  if (c === '[') {
    const items: PdfValue[] = [];
    i = skipSpace(text, i + 1);
    while (text[i] !== ']') {
      const [value, next] = parseValue(text, i);
      items.push(value);
      i = skipSpace(text, next);
    }
    return [items, i + 1];
  }
  if (c === '(') {
    const end = literalStringEnd(text, i);
    return [text.slice(i, end), end];
  }
  if (c === '<') {
    const end = text.indexOf('>', i);
    if (end === -1) throw new PdfSyntaxError('unterminated hex string', i);
    return [text.slice(i, end + 1), end + 1];
  }
  if (c === '/') {
    const end = tokenEnd(text, i + 1);
    return [text.slice(i, end), end];
  }
  const end = tokenEnd(text, i);
  if (end === i) throw new PdfSyntaxError(`unexpected "${c}"`, i);
  const token = text.slice(i, end);
  // "12 0 R" is a reference: look ahead for the generation and the R.
  if (/^\d+$/.test(token)) {
    const reference = /[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+R(?=[\0\t\n\f\r ()<>[\]{}/%]|$)/y;
    reference.lastIndex = end;
    const match = reference.exec(text);
    if (match) return [new PdfRef(Number(token)), reference.lastIndex];
  }
  return [token, end];
}

function skipSpace(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text[i];
    if (c === undefined) return i;
    if (c === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (WHITE.test(c)) i++;
    else return i;
  }
}

function tokenEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !DELIMITER.test(text[i]!)) i++;
  return i;
}

/** A literal string's end: parentheses nest unless escaped. */
function literalStringEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new PdfSyntaxError('unterminated string', at);
}

/**
 * Writes a value back as text; each reference is written as `rename`
 * returns it (a new object number, or `null` for an object left out).
 */
export function serialize(value: PdfValue, rename: (ref: PdfRef) => string): string {
  if (typeof value === 'string') return value;
  if (value instanceof PdfRef) return rename(value);
  if (Array.isArray(value)) return `[${value.map((item) => serialize(item, rename)).join(' ')}]`;
  let out = '<<';
  for (const [key, item] of value.entries) out += `/${key} ${serialize(item, rename)}\n`;
  return `${out}>>`;
}

/** Every reference in a value, except under the keys `skip` names (at any depth). */
export function referencesIn(
  value: PdfValue,
  skip: ReadonlySet<string>,
  found: PdfRef[] = [],
): PdfRef[] {
  if (value instanceof PdfRef) found.push(value);
  else if (Array.isArray(value)) for (const item of value) referencesIn(item, skip, found);
  else if (value instanceof PdfDict) {
    for (const [key, item] of value.entries) if (!skip.has(key)) referencesIn(item, skip, found);
  }
  return found;
}

/** Printable ASCII as a literal string, anything else as UTF-16BE hex with a byte-order mark. */
export function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, '\\$&')})`;
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) {
    hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  }
  return `<${hex}>`;
}

/** A PDF date, D:YYYYMMDDHHmmSSZ, in UTC. */
export function pdfDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('PDF date is not a valid date');
  return `D:${date.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
}

/** A number as PDF writes it: at most three decimals, no exponent. */
export function pdfNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
