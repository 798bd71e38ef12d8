/**
 * The data a page declares for programs rather than readers: its <meta> tags and its JSON-LD objects,
 * read once and shared by the title, outlet, author and date rules.
 */
import { declaredText } from './declared-text.js';

export type Json = Record<string, unknown>;

export function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of document.querySelectorAll('meta')) {
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop') ??
      ''
    )
      .trim()
      .toLowerCase();
    // Some tools that save or clean pages (Mercury's fixtures, some CMS exports) write a tag's value in a
    // `value` attribute instead of `content`: the same tag, so it is read the same way.
    const content = (el.getAttribute('content') ?? el.getAttribute('value'))?.trim();
    if (key && content && !tags.has(key)) tags.set(key, declaredText(content));
  }
  return tags;
}

/** Every JSON-LD object on the page, with @graph and arrays flattened. Broken JSON is skipped. */
export function jsonLd(document: Document): Json[] {
  const objects: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      objects.push(value as Json);
      const graph = (value as Json)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(withoutCdata(script.textContent ?? '')));
    } catch {
      // A page's broken structured data is the publisher's bug: fall back to the other sources.
    }
  }
  return objects;
}

/**
 * Some tools that save pages as XHTML, and some publishing systems, wrap a script's text in a CDATA
 * section (`<![CDATA[ {...} ]]>`, at times behind `//` or inside `/* *\/` so that a browser's script
 * engine skips the markers). An HTML parser keeps the markers as text; the data inside is the same.
 */
function withoutCdata(text: string): string {
  return text
    .replace(/^\s*(?:\/\/|\/\*)?\s*<!\[CDATA\[(?:\s*\*\/)?/, '')
    .replace(/(?:\/\/|\/\*)?\s*\]\]>\s*(?:\*\/)?\s*$/, '');
}

export function types(o: Json): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** A JSON-LD name: a string, the first of a list, or an object's `name`, with references decoded. */
export function name(value: unknown): string | undefined {
  if (typeof value === 'string') return declaredText(value);
  if (Array.isArray(value)) return name(value[0]);
  if (value && typeof value === 'object') {
    const n = (value as Json)['name'];
    return typeof n === 'string' ? declaredText(n) : undefined;
  }
  return undefined;
}
