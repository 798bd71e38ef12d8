/**
 * A class's pages rendered once per shape and filled in per student.
 *
 * 1,000 personal copies differ in a few fields (the student's name and id,
 * the copy code, the running header and footer, the QR code, each item's
 * HTML, which is rendered once per option order already) and are the same
 * elsewhere: the stylesheets, the headings, the answer sheet's hundred
 * bubbles. The template is rendered once with a marker in each field (the
 * "shape"), which shows where each field goes and how the template wrote
 * it: as is, HTML-escaped, or as a CSS string. Each copy of that shape is
 * then the shape's text with its own values written the same way.
 *
 * Filling in gives the bytes a full rendering would give only if the
 * template does nothing else with a field than write it (no comparison,
 * filter or test on it other than whether it is empty; empty values stay
 * in the shape). The built-in templates keep to that, and
 * tests/render/page-fill.test.ts holds them to it; a project's own template
 * may do anything, so a page that uses any template of the project's own
 * templates/ folder is always rendered in full.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { renderTemplate, type Environment } from './env.js';

// Private-use characters other than those renderPair (page.ts) stands in with: a
// pair's page name and assets URL are the same in every copy, so they stay in the shape.
const OPEN = '\uE001';
const CLOSE = '\uE002';
/** Characters each writing treats its own way: how they come out shows how a field was written. */
const PROBE = `<"&'\\`;
const MARKED = /\uE001(\d+)([^\uE001\uE002]*)\uE002/g;

/**
 * Shapes kept at most: a class whose copies all differ in shape (other
 * question types at each place, say) renders its other copies in full
 * rather than holding a page per copy.
 */
const MAX_SHAPES = 64;

type Writing = (value: unknown) => string;

/** A shape: its text between the fields, and which value each field takes and how it is written. */
interface Shape {
  between: string[];
  fields: number[];
  writings: Writing[];
}

export interface PageFills {
  /**
   * The page `name` renders from `view`, filled into the shape `shape`:
   * `view` with each field's value replaced by field(value) (see
   * fieldMarker); `values` in the order they were marked.
   */
  render(name: string, view: object, shape: object, values: readonly unknown[]): string;
  /** Shapes rendered so far, and pages filled into one of them. */
  stats(): { shapes: number; filled: number };
}

/**
 * `ownDirs`: the project's template folders, searched before the built-in
 * one; `key` gives a short key for a shape (see shapeKey in rendered-items.ts).
 */
export function pageFills(
  env: Environment,
  ownDirs: readonly string[],
  key: (shape: object) => string | undefined,
): PageFills {
  const shapes = new Map<string, Shape | null>();
  let filled = 0;
  // Nunjucks's own escaping, the one autoescape uses (missing from its type declarations).
  const lib = nunjucks.lib as unknown as { escape(text: string): string };
  const escape = (value: unknown) => lib.escape(String(value));
  const css = env.getFilter('css_string') as (value: unknown) => unknown;
  const cssInner = (value: unknown) => String(css(value)).slice(1, -1);
  const writings = new Map<string, Writing>([
    [PROBE, (value) => String(value)],
    [escape(PROBE), escape],
    [cssInner(PROBE), cssInner],
  ]);
  const builtIn = (name: string) =>
    !name.startsWith('.') && !ownDirs.some((dir) => existsSync(path.join(dir, name)));

  function shapeOf(name: string, shape: object): Shape | null {
    const used = new Set<string>();
    const getTemplate = env.getTemplate;
    // Rendering is synchronous: every template the page includes or extends is asked for meanwhile.
    env.getTemplate = function (this: Environment, ...args: Parameters<typeof getTemplate>) {
      used.add(args[0] as string);
      return getTemplate.apply(this, args);
    } as typeof getTemplate;
    let html: string;
    try {
      html = renderTemplate(env, name, shape);
    } catch {
      // The real values give the real message (rendered in full).
      return null;
    } finally {
      env.getTemplate = getTemplate;
    }
    if (![...used].every(builtIn)) return null;
    const between: string[] = [];
    const fields: number[] = [];
    const how: Writing[] = [];
    let last = 0;
    for (const match of html.matchAll(MARKED)) {
      const writing = writings.get(match[2]!);
      if (!writing) return null;
      between.push(html.slice(last, match.index));
      fields.push(Number(match[1]));
      how.push(writing);
      last = match.index + match[0].length;
    }
    between.push(html.slice(last));
    // A marker cut, or one in the quiz's own text: this shape is rendered in full.
    if (between.some((text) => text.includes(OPEN) || text.includes(CLOSE))) return null;
    return { between, fields, writings: how };
  }

  return {
    render(name, view, shape, values) {
      const shapeKey = key(shape);
      const id = `${name}\u0000${shapeKey}`;
      let found = shapeKey === undefined ? null : shapes.get(id);
      if (found === undefined && shapes.size < MAX_SHAPES) {
        found = shapeOf(name, shape);
        shapes.set(id, found);
      }
      if (!found) return renderTemplate(env, name, view);
      filled++;
      let html = found.between[0]!;
      for (let i = 0; i < found.fields.length; i++)
        html += found.writings[i]!(values[found.fields[i]!]) + found.between[i + 1]!;
      return html;
    },
    stats: () => ({ shapes: shapes.size, filled }),
  };
}

/**
 * Marks fields while a shape is built: `field(value)` records the value and
 * returns its marker (of the same kind, plain text or HTML), or returns an
 * empty value itself, which a template may test and so stays in the shape.
 */
export function fieldMarker(): {
  field<T>(value: T): T | string;
  values: unknown[];
} {
  const values: unknown[] = [];
  return {
    values,
    field<T>(value: T): T | string {
      const safe = value instanceof nunjucks.runtime.SafeString;
      if (!safe && (typeof value !== 'string' || value === '')) return value;
      const marker = `${OPEN}${values.length}${PROBE}${CLOSE}`;
      values.push(value);
      return (safe ? new nunjucks.runtime.SafeString(marker) : marker) as unknown as string;
    },
  };
}
