/**
 * The built-in templates, compiled when handout is built (scripts/bundle.mjs
 * writes dist/templates.cjs): compiling them from their files cost every
 * run that renders pages 60-130 ms of CPU, a class pack included. Each
 * entry keeps a hash of the file it was compiled from, and a template whose
 * file has changed since (a developer editing templates/) is compiled from
 * the file as before: the build never hides an edit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type nunjucks from 'nunjucks';

/** One template as nunjucks compiles it (`{ root, b_<block>... }`), and the hash of its source. */
export interface CompiledTemplate {
  sha1: string;
  code: object;
}

export type CompiledTemplates = Record<string, CompiledTemplate>;

/** Where the build writes them, relative to the package root. */
export const COMPILED_TEMPLATES = path.join('dist', 'templates.cjs');

export function sourceHash(source: string): string {
  return createHash('sha1').update(source).digest('hex');
}

/** The build's compiled templates; none before the first build. */
export function builtTemplates(packageRoot: string): CompiledTemplates {
  const file = path.join(packageRoot, COMPILED_TEMPLATES);
  if (!existsSync(file)) return {};
  return createRequire(import.meta.url)(file) as CompiledTemplates;
}

/**
 * A nunjucks loader of `dir`'s templates from `compiled`, each only while
 * its file still holds the source it was compiled from. It answers null
 * for any other name, which sends nunjucks on to the next loader (the same
 * folder's files, compiled as they are read).
 */
export function precompiledLoader(dir: string, compiled: CompiledTemplates): nunjucks.ILoader {
  return {
    getSource(name) {
      const entry = Object.hasOwn(compiled, name) ? compiled[name] : undefined;
      const file = path.join(dir, name);
      const fresh =
        entry && existsSync(file) && sourceHash(readFileSync(file, 'utf8')) === entry.sha1;
      // nunjucks takes compiled code as { type: 'code', obj } where a loader usually gives text.
      const source = fresh
        ? { src: { type: 'code', obj: entry.code }, path: file, noCache: false }
        : null;
      return source as unknown as nunjucks.LoaderSource;
    },
  };
}
