/**
 * Nunjucks sets eight variables on every turn of a `{% for %}` loop (the
 * item, then loop.index, loop.first, ...), and its Frame.set splits each
 * name on "." every time, so that an answer sheet's hundred bubbles made
 * some 2,000 small arrays per copy: most of a class's template time went
 * to that and to collecting them. This is nunjucks 3's own Frame.set with
 * the split names remembered (the compiled templates use a handful of
 * names); what it sets, and where, is unchanged.
 *
 * Installed only over the method it was written from: another nunjucks
 * version keeps its own. nunjucks is bundled into dist/chunks/
 * (scripts/bundle.mjs), and esbuild prints the method its own way (no
 * comments, double quotes, the function renamed `set2`), so the two are
 * compared by methodShape, which leaves out only what reprinting changes.
 */
import nunjucks from 'nunjucks';

interface Frame {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): Frame | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
}

/** The method this replaces (nunjucks 3.2.x), as methodShape gives it. */
const ORIGINAL =
  "function(name,val,resolveUp){varparts=name.split('.');varobj=this.variables;varframe=this;if(resolveUp){if(frame=this.resolve(parts[0],true)){frame.set(name,val);return;}}for(vari=0;i<parts.length-1;i++){varid=parts[i];if(!obj[id]){obj[id]={};}obj=obj[id];}obj[parts[parts.length-1]]=val;}";

/**
 * A function's source without what a bundler's reprinting changes and the
 * code does not depend on: comments, white space, the kind of quotes (the
 * method's strings hold no quote) and the function's own name.
 */
export function methodShape(source: string): string {
  return source
    .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, '')
    .replace(/"/g, "'")
    .replace(/^function[\w$]*\(/, 'function(');
}

const paths = new Map<string, string[]>();

function set(this: Frame, name: string, value: unknown, resolveUp?: boolean): void {
  let path = paths.get(name);
  if (path === undefined) {
    path = name.split('.');
    // Names come from templates, a few dozen in all; the bound is for safety only.
    if (paths.size < 10_000) paths.set(name, path);
  }
  if (resolveUp) {
    const frame = this.resolve(path[0]!, true);
    if (frame) {
      frame.set(name, value);
      return;
    }
  }
  let variables = this.variables;
  for (let i = 0; i < path.length - 1; i++) {
    const id = path[i]!;
    if (!variables[id]) variables[id] = {};
    variables = variables[id] as Record<string, unknown>;
  }
  variables[path[path.length - 1]!] = value;
}

/** Installs the faster Frame.set if nunjucks still has the method it was written from; says whether it did. */
export function fasterFrames(): boolean {
  const runtime = nunjucks.runtime as unknown as { Frame?: { prototype: Frame } };
  const prototype = runtime.Frame?.prototype;
  if (!prototype) return false;
  if (prototype.set === set) return true;
  if (methodShape(String(prototype.set)) !== ORIGINAL) return false;
  prototype.set = set;
  return true;
}
