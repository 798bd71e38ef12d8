/**
 * YAML with positions. Teachers fix problems by line number, so every value
 * read from YAML can be traced back to its line and column, for syntax errors
 * and for semantic ones found long after parsing.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import type { ProblemList, SourceLocation } from '../errors.js';
import { shorten } from './text.js';

/**
 * The yaml package is loaded on first use: most runs read YAML with js-yaml
 * (util/yaml-fast.ts) and need positions from this module only to report a
 * problem, so a clean run does not pay for loading it.
 */
let yamlModule: typeof Yaml | undefined;
export const yaml = (): typeof Yaml =>
  (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
const isMap = (node: unknown) => yaml().isMap(node);
const isSeq = (node: unknown) => yaml().isSeq(node);
const isScalar = (node: unknown) => yaml().isScalar(node);

export type YamlPath = readonly (string | number)[];

export class YamlSource {
  constructor(
    readonly file: string,
    readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    /** Added to every line number, for YAML embedded in a larger file. */
    private readonly lineOffset = 0,
  ) {}

  /** The position of a byte offset in the file. */
  at(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line: line + this.lineOffset, column: col };
  }

  /** The node at `path`, or the closest ancestor that exists. */
  nodeAt(path: YamlPath): Node | undefined {
    let node: unknown = this.doc.contents;
    for (const key of path) {
      if (isMap(node) || isSeq(node)) {
        const child: unknown = node.get(key, true);
        if (child === undefined) {
          // Point at the key itself when the pair exists with an empty value.
          const pair = isMap(node)
            ? node.items.find((p) => isScalar(p.key) && p.key.value === key)
            : undefined;
          return (pair?.key as Node | undefined) ?? (node as Node);
        }
        node = child;
      } else {
        break;
      }
    }
    return node as Node | undefined;
  }

  /** Where the value at `path` starts (or its closest existing ancestor). */
  locate(path: YamlPath): SourceLocation {
    const node = this.nodeAt(path);
    return node?.range
      ? this.at(node.range[0])
      : { file: this.file, line: 1 + this.lineOffset, column: 1 };
  }

  /** Where the key of `path`'s last step is written (better for "wrong field" messages). */
  locateKey(path: YamlPath): SourceLocation {
    const parent = this.nodeAt(path.slice(0, -1));
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      const key = pair?.key as Node | undefined;
      if (key?.range) return this.at(key.range[0]);
    }
    return this.locate(path);
  }

  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 });
  }
}

/**
 * Parses YAML text, reporting syntax errors to `problems` with their
 * position. Returns undefined when the document cannot be used.
 */
export function parseYaml(
  file: string,
  text: string,
  problems: ProblemList,
  lineOffset = 0,
): YamlSource | undefined {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source = new YamlSource(file, doc, lines, lineOffset);
  for (const error of doc.errors) {
    const where = source.at(error.pos[0]);
    problems.error(where, 'yaml-syntax', `${describeYamlError(error.code, error.message)}`);
  }
  for (const warning of doc.warnings) {
    problems.warning(
      source.at(warning.pos[0]),
      'yaml-warning',
      clipToken(firstLine(warning.message)),
    );
  }
  return doc.errors.length > 0 ? undefined : source;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * Some of the yaml package's messages quote the offending token whole
 * ("Unexpected <token> in flow collection", "Unresolved tag: <tag>"); in a
 * file of garbage a token can be megabytes long. Keep the start of the
 * message (its wording and the first characters of the token, enough to
 * find it on the line) and say how much was left out.
 */
const MESSAGE_MAX = 120;

function clipToken(detail: string): string {
  if (detail.length <= MESSAGE_MAX + 20) return detail;
  return `${shorten(detail, MESSAGE_MAX + 1)} (${detail.length - MESSAGE_MAX} more characters)`;
}

/** The yaml package's messages are precise but technical; say what to do. */
function describeYamlError(code: string, message: string): string {
  const detail = clipToken(firstLine(message).replace(/ at line \d+, column \d+:?$/, ''));
  switch (code) {
    case 'DUPLICATE_KEY':
      return `${detail}: a field is written twice in the same entry; keep one of them`;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `YAML syntax error: ${detail}. Check the indentation and punctuation on this line`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `YAML syntax error: ${detail}. A line may be missing a colon or a closing quote`;
    default:
      return `YAML syntax error: ${detail}. If the text contains a colon followed by a space, put it in quotes`;
  }
}
