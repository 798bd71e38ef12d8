/**
 * Reading large YAML files quickly. The `yaml` package keeps every node's
 * position, which messages need, but builds a full syntax tree to do it:
 * on a 10,000-question bank that was most of lint's time. js-yaml reads the
 * same YAML 1.2 core schema about eight times faster, so the data comes from
 * js-yaml, with the start of every mapping and list recorded as it is read;
 * a position inside one (a field's value, a key) is asked of `yaml` only
 * when a message needs it, for the few files that have problems. Anything
 * js-yaml refuses (a syntax error, a duplicate key) or that uses aliases is
 * read by `yaml` from the start, so messages and limits stay the same.
 */
import jsyaml from 'js-yaml';
import { ProblemList, type SourceLocation } from '../errors.js';
import { parseYaml, type YamlPath, type YamlSource } from './yaml-source.js';
import type { YamlCache } from './yaml-cache.js';

/** What checks need from a YAML file: its data, and where a path in it is written. */
export interface YamlDocument {
  readonly file: string;
  toJS(): unknown;
  locate(path: YamlPath): SourceLocation;
  locateKey(path: YamlPath): SourceLocation;
}

class FastYaml implements YamlDocument {
  private full: YamlSource | undefined;
  private lineStarts: number[] | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly data: unknown,
    /** Where each mapping and list starts, as an offset into the text. */
    private readonly starts: WeakMap<object, number>,
    /** Added to every line number, for YAML embedded in a larger file. */
    private readonly lineOffset: number,
  ) {}

  toJS(): unknown {
    return this.data;
  }

  locate(path: YamlPath): SourceLocation {
    const target = valueAt(this.data, path);
    const start =
      target !== null && typeof target === 'object' ? this.starts.get(target) : undefined;
    return start === undefined ? this.withPositions().locate(path) : this.at(start);
  }

  locateKey(path: YamlPath): SourceLocation {
    return this.withPositions().locateKey(path);
  }

  /** The `yaml` reading of the same text; it parsed with js-yaml, so it parses here too. */
  private withPositions(): YamlSource {
    this.full ??= parseYaml(this.file, this.text, new ProblemList(), this.lineOffset);
    if (!this.full) throw new Error(`${this.file}: js-yaml read this file but yaml could not`);
    return this.full;
  }

  private at(offset: number): SourceLocation {
    const start = skipBlank(this.text, offset);
    this.lineStarts ??= lineStarts(this.text);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= start) low = mid;
      else high = mid - 1;
    }
    return {
      file: this.file,
      line: low + 1 + this.lineOffset,
      column: start - this.lineStarts[low]! + 1,
    };
  }
}

/**
 * Reads a YAML file; syntax errors go to `problems` with their position and
 * the result is undefined, as with `parseYaml`. With a `cache`, a text read
 * by an earlier run comes from it (see yaml-cache.ts), and a text js-yaml
 * reads here goes into it.
 */
export function readYaml(
  file: string,
  text: string,
  problems: ProblemList,
  lineOffset = 0,
  cache?: YamlCache,
): YamlDocument | undefined {
  const cached = cache?.get(file, text);
  if (cached) return new FastYaml(file, text, cached.data, cached.starts, lineOffset);
  const starts = new WeakMap<object, number>();
  const open: number[] = [];
  let data: unknown;
  try {
    data = jsyaml.load(text, {
      filename: file,
      schema: jsyaml.CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') open.push(state.position);
        else {
          const start = open.pop();
          const result: unknown = state.result;
          if (start !== undefined && result !== null && typeof result === 'object')
            starts.set(result, start);
        }
      },
    });
  } catch {
    return parseYaml(file, text, problems, lineOffset);
  }
  // An alias makes js-yaml share one object in several places; `yaml` limits
  // how many times an alias may expand, so such files go to it.
  if (hasSharedObjects(data)) return parseYaml(file, text, problems, lineOffset);
  cache?.set(file, text, { data, starts });
  return new FastYaml(file, text, data, starts, lineOffset);
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function hasSharedObjects(data: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) return true;
    seen.add(value);
    for (const child of Object.values(value)) stack.push(child);
  }
  return false;
}

/** Past spaces, line breaks and comments, to where the node's text begins. */
function skipBlank(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') i++;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else break;
  }
  return i;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
