/**
 * The teacher's corrections: a small YAML file next to the scans. handout
 * adds an entry for every new doubt (never changing or removing what is
 * there); the teacher fills in `answer`, and the next run applies it.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { isScalar, isSeq, isMap, parseDocument, type Node } from 'yaml';
import { HandoutError, ProblemList } from '../errors.js';
import type { Doubt } from './scan-result.js';

/**
 * What the teacher is told after the list of mistakes in a corrections file,
 * whether they were found reading it (here) or matching it to the scans
 * (collate.ts).
 */
export const CORRECTIONS_HAVE_MISTAKES =
  'the corrections file has mistakes; fix them and run handout scan again';

export interface Corrections {
  file: string;
  /** Key → answer as written (only entries with an answer). */
  answers: Map<string, string>;
  /** Every key in the file, answered or not. */
  keys: Set<string>;
  /** The line of each answer, for messages about it. */
  lines: Map<string, number>;
  exists: boolean;
}

export function correctionsHeader(quizId: string): string {
  return `# Corrections for "handout scan --quiz ${quizId}".
# handout adds one entry for each mark, code or sheet it could not read for
# sure; review.html shows each one with a picture. Write the right reading
# after "answer:" and run handout scan again: it never changes what you wrote.
#   a choice: the letter(s), e.g. B or AC; true/false: T or F; a number: 42;
#   a student ID: its digits, in quotes ("004217"); no answer: blank
#   a page whose code is unreadable: the copy code and sheet, e.g. "K7QF 1",
#   or ignore to leave the page out
#   two sheets with no name and no ID that look alike: yes if one is a second
#   scan of the other, no if they are two pupils' sheets
#   a question answered on the paper (short answer, essay...): the student's
#   answer as you would type it in responses.csv, or the points for an essay
corrections:
`;
}

function textOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  // The source text keeps what the teacher typed (a student ID's leading zeros).
  const source = (node as { source?: string }).source;
  return (node.type === 'PLAIN' && source !== undefined ? source : String(node.value)).trim();
}

export async function loadCorrections(file: string): Promise<Corrections> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { file, answers: new Map(), keys: new Set(), lines: new Map(), exists: false };
  }
  const problems = new ProblemList();
  const doc = parseDocument(text, { keepSourceTokens: false });
  const lineOf = (node: Node | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    return text.slice(0, offset).split('\n').length;
  };
  for (const error of doc.errors)
    problems.error(
      { file, line: error.linePos?.[0]?.line ?? 1 },
      'corrections-yaml',
      `${error.message.split('\n')[0]}; check the indentation of this entry`,
    );
  problems.throwIfErrors('the corrections file cannot be read; fix it and run handout scan again');
  const answers = new Map<string, string>();
  const keys = new Set<string>();
  const lines = new Map<string, number>();
  const list = isMap(doc.contents) ? doc.contents.get('corrections', true) : undefined;
  if (list !== undefined && list !== null && !isSeq(list)) {
    problems.error(
      { file, line: lineOf(list as Node) },
      'corrections-shape',
      '"corrections" must be a list of entries, each starting with "- key:"',
    );
  }
  for (const entry of isSeq(list) ? list.items : []) {
    if (!isMap(entry)) {
      problems.error(
        { file, line: lineOf(entry as Node) },
        'corrections-shape',
        'each correction is an entry with "key:" and "answer:"',
      );
      continue;
    }
    const key = textOf(entry.get('key', true));
    if (!key) {
      problems.error(
        { file, line: lineOf(entry) },
        'corrections-key',
        'this entry has no "key"; keep the key handout wrote',
      );
      continue;
    }
    keys.add(key);
    const answer = textOf(entry.get('answer', true));
    if (answer === undefined || answer === '') continue;
    lines.set(key, lineOf(entry.get('answer', true) as Node));
    // An item answered on the paper: free text, checked against its question when applied.
    if (PAPER_KEY.test(key)) answers.set(key, /^(blank|none)$/i.test(answer) ? 'blank' : answer);
    else if (/ id$/.test(key) && !/^\d+$/.test(answer))
      problems.error(
        { file, line: lineOf(entry.get('answer', true) as Node) },
        'corrections-answer',
        `the student ID "${answer}" must be digits only, in quotes to keep leading zeros (e.g. "004217")`,
      );
    else if (SAME_SHEET_KEY.test(key) && !/^(yes|no)$/i.test(answer))
      problems.error(
        { file, line: lineOf(entry.get('answer', true) as Node) },
        'corrections-answer',
        `"${answer}" does not say whether the two pages are one sheet; write yes (a second scan of one sheet) or no (two pupils' sheets)`,
      );
    else if (/ item \d+$/.test(key) && !/^([A-Za-z]+|-?\d+(\.\d+)?|blank|none)$/i.test(answer))
      problems.error(
        { file, line: lineOf(entry.get('answer', true) as Node) },
        'corrections-answer',
        `"${answer}" is not an answer a sheet can hold; write letters (B or AC), T or F, a number, or blank`,
      );
    else
      answers.set(
        key,
        /^(blank|none)$/i.test(answer)
          ? 'blank'
          : /^[a-z]+$/i.test(answer)
            ? answer.toUpperCase()
            : answer,
      );
  }
  problems.throwIfErrors(CORRECTIONS_HAVE_MISTAKES);
  return { file, answers, keys, lines, exists: true };
}

const quote = (text: string) => JSON.stringify(text);

/** The key asking whether a page is a second scan of another (keys.ts, sameSheetKey). */
const SAME_SHEET_KEY = / same sheet as .+#\d+$/;

/** The key of an item answered on the question pages: it names a copy, not a scanned page. */
const PAPER_KEY = /^copy .* item \d+$/;

/** Adds entries for doubts the file does not list yet; writes nothing when there are none. */
export async function appendDoubts(
  corrections: Corrections,
  quizId: string,
  doubts: readonly Doubt[],
): Promise<number> {
  const fresh = doubts.filter((d) => !corrections.keys.has(d.key));
  if (fresh.length === 0) return 0;
  let text = corrections.exists
    ? await readFile(corrections.file, 'utf8')
    : correctionsHeader(quizId);
  if (!text.endsWith('\n')) text += '\n';
  for (const d of fresh) {
    text += `  - key: ${quote(d.key)}\n    problem: ${quote(d.problem)}\n`;
    if (d.proposed !== undefined) text += `    proposed: ${quote(d.proposed || 'blank')}\n`;
    text += '    answer:\n';
  }
  // Written beside the file and renamed over it: an interrupted run never leaves half a file.
  const temporary = `${corrections.file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, corrections.file);
  } catch (cause) {
    throw new HandoutError(
      `cannot write the corrections file ${corrections.file}; check that its folder is writable`,
      { code: 'corrections-write', cause },
    );
  }
  return fresh.length;
}
