/**
 * Text no bundled font can print. PDFs must not take glyphs from the
 * machine's fonts (a fresh machine has none for most scripts, and two
 * machines would print differently), so such text is a warning at the line
 * that holds it, with what to do, instead of empty boxes found on paper.
 */
import { readFile } from 'node:fs/promises';
import type { LineCounter } from 'yaml';
import type { Problem, ProblemList, SourceLocation } from '../errors.js';
import { describeCharacter, uncoveredCharacters } from '../render/font-coverage.js';
import { listFiles } from '../util/files.js';
import { yaml } from '../util/yaml-source.js';

export const BUNDLED_SCRIPTS =
  'Latin, Cyrillic, Greek, Vietnamese, Chinese, Japanese, Korean, Arabic, Hebrew, Devanagari, Thai';

/** "U+0D9C (ග), U+0DC0 (ව)" */
function listCharacters(characters: string[]): string {
  return characters.map(describeCharacter).join(', ');
}

/** A warning for a student name in a roster row. */
export function unprintableName(at: SourceLocation, name: string): Problem | undefined {
  const missing = uncoveredCharacters(name);
  if (missing.length === 0) return undefined;
  return {
    ...at,
    severity: 'warning',
    code: 'unprintable-name',
    message: `the name "${name}" has characters no font bundled with handout can print (${listCharacters(missing)}); the PDFs would show them as empty boxes or in whatever font this computer has. Write the name in a script handout prints (${BUNDLED_SCRIPTS}), for instance transliterated, or write it in by hand on the printed copy`,
  };
}

/**
 * Every line of the corpus and of the YAML under questions/ (values only,
 * not comments) with characters no bundled font covers.
 */
export async function checkPrintable(
  dirs: { corpusDir: string; questionsDir: string },
  problems: ProblemList,
): Promise<void> {
  const [articles, yamlFiles] = await Promise.all([
    listFiles(dirs.corpusDir, ['.md']),
    listFiles(dirs.questionsDir, ['.yaml', '.yml']),
  ]);
  const files = [...articles, ...yamlFiles];
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  files.forEach((file, i) => {
    const text = texts[i]!;
    // Almost every file prints entirely: one quick scan before any parsing.
    if (uncoveredCharacters(text).length === 0) return;
    const values: [number, string][] = file.endsWith('.md') ? [[0, text]] : yamlValues(text);
    const lines = lineCounter(text);
    for (const [offset, value] of values) reportLines(file, lines, offset, value, problems);
  });
}

/** [offset, source text] of every scalar in a YAML file: what may be printed, without comments. */
function yamlValues(text: string): [number, string][] {
  const values: [number, string][] = [];
  // Only a file with unprintable text gets here, so yaml is loaded (slowly) only then.
  const { visit, parseDocument } = yaml();
  visit(parseDocument(text), {
    Scalar(_key, node) {
      if (node.range) values.push([node.range[0], text.slice(node.range[0], node.range[1])]);
    },
  });
  return values;
}

function lineCounter(text: string): LineCounter {
  const lines = new (yaml().LineCounter)();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** One warning per source line of `value` (which starts at `offset`) that cannot be printed. */
function reportLines(
  file: string,
  lines: LineCounter,
  offset: number,
  value: string,
  problems: ProblemList,
): void {
  let lineStart = offset;
  for (const line of value.split('\n')) {
    const missing = uncoveredCharacters(line);
    if (missing.length > 0) {
      const { line: number, col } = lines.linePos(lineStart + line.indexOf(missing[0]!));
      problems.warning(
        { file, line: number, column: col },
        'unprintable-text',
        `this text has characters no font bundled with handout can print (${listCharacters(missing)}); the PDFs would show them as empty boxes or in whatever font this computer has. Replace them (with a transliteration, or words for a symbol) or leave them out; handout prints ${BUNDLED_SCRIPTS}`,
      );
    }
    lineStart += line.length + 1;
  }
}
