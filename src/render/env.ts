/**
 * The one Nunjucks environment: rooted at the project's templates/ (which
 * override the built-in ones by name) then the built-in templates/,
 * autoescape on, rendering by template name so errors name the template.
 */
import nunjucks from 'nunjucks';
import { HandoutError } from '../errors.js';
import { plural } from '../util/text.js';
import { formatPartialDate } from '../corpus/article.js';
import { blockMarkdown, inlineMarkdown } from './markdown.js';
import { BUILTIN_TEMPLATES, PACKAGE_ROOT } from '../project.js';
import { builtTemplates, precompiledLoader } from './precompiled.js';
import { fasterFrames } from './nunjucks-frames.js';

export type Environment = nunjucks.Environment;

/** How templates are read: compiled into their code, so the build compiles with the same. */
export const TEMPLATE_SYNTAX = { trimBlocks: true, lstripBlocks: true } as const;

const environments = new Map<string, Environment>();

export function templateEnvironment(templateDirs: string[]): Environment {
  const key = templateDirs.join('\u0000');
  let env = environments.get(key);
  if (!env) {
    fasterFrames();
    // Each folder in turn; the built-in one as the build compiled it, where its files are unchanged.
    const loaders = templateDirs.flatMap((dir) => [
      ...(dir === BUILTIN_TEMPLATES ? [precompiledLoader(dir, builtTemplates(PACKAGE_ROOT))] : []),
      new nunjucks.FileSystemLoader(dir, { noCache: false }),
    ]);
    env = new nunjucks.Environment(loaders, {
      autoescape: true,
      throwOnUndefined: false,
      ...TEMPLATE_SYNTAX,
    });
    addFilters(env);
    environments.set(key, env);
  }
  return env;
}

/**
 * Forgets every compiled template, so the next render reads the files
 * again. A build never needs it; the preview calls it after a template
 * changed on disk.
 */
export function forgetTemplates(): void {
  environments.clear();
}

function addFilters(env: Environment): void {
  const safe = (html: string) => new nunjucks.runtime.SafeString(html);
  // Bank text: inline Markdown with raw HTML shown as text.
  env.addFilter('md', (text: unknown) => safe(inlineMarkdown(String(text ?? ''))));
  env.addFilter('md_block', (text: unknown) => safe(blockMarkdown(String(text ?? ''))));
  // A value inside a CSS string, e.g. in @page margin boxes. Escaping `<`
  // as well keeps "</style>" from ever appearing inside a <style> element.
  env.addFilter('css_string', (text: unknown) =>
    safe(
      `"${String(text ?? '').replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`,
    ),
  );
  env.addFilter('partial_date', (date: unknown) => formatPartialDate(String(date ?? '')));
  env.addFilter('plural', (count: number, one: string, many?: string) => plural(count, one, many));
}

/** Renders a template by name; template mistakes become errors naming the template and line. */
export function renderTemplate(env: Environment, name: string, context: object): string {
  try {
    return env.render(name, context);
  } catch (cause) {
    const message = (cause as Error).message.replace(/\s+/g, ' ').trim();
    throw new HandoutError(
      `the template "${name}" could not be rendered: ${message}. If you changed this template in your project's templates/ folder, check that line`,
      {
        code: 'template-error',
        cause,
      },
    );
  }
}
