/**
 * The built-in templates come compiled with the build (dist/templates.cjs),
 * but never in place of a file edited since: render/precompiled.ts.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/project.js';
import { TEMPLATE_SYNTAX, templateEnvironment } from '../../src/render/env.js';
import {
  builtTemplates,
  precompiledLoader,
  sourceHash,
  type CompiledTemplates,
} from '../../src/render/precompiled.js';
import { ensureBuilt } from '../helpers/build.js';
import { REPO } from '../helpers/project.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'handout-precompiled-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `source` compiled as the build compiles a template. */
function compiled(source: string, name: string): object {
  const env = new nunjucks.Environment([], TEMPLATE_SYNTAX);
  const code = nunjucks.precompileString(source, {
    name,
    env,
    // One template in, its code out (the typings take the list for a single template).
    wrapper: (templates) => (templates as unknown as { template: string }[])[0]!.template,
  });
  return new Function(code)() as object;
}

function environment(loaders: nunjucks.ILoader[]) {
  return new nunjucks.Environment(loaders, { autoescape: true, ...TEMPLATE_SYNTAX });
}

describe('templates compiled with the build', () => {
  beforeAll(ensureBuilt, 180_000);

  it('cover every built-in template, each as its file is now, and render as the files do', () => {
    const built = builtTemplates(REPO);
    const files = readdirSync(BUILTIN_TEMPLATES, { recursive: true })
      .map((name) => String(name).split(path.sep).join('/'))
      .filter((name) => /\.(njk|css)$/.test(name) && !name.startsWith('starter/'));
    expect(Object.keys(built).sort()).toEqual(files.sort());
    for (const name of files) {
      const source = readFileSync(path.join(BUILTIN_TEMPLATES, name), 'utf8');
      expect(built[name]!.sha1, name).toBe(sourceHash(source));
    }
    // The same files in another folder are compiled as they are read.
    const copy = path.join(scratch, 'templates');
    cpSync(BUILTIN_TEMPLATES, copy, { recursive: true });
    const fromBuild = templateEnvironment([BUILTIN_TEMPLATES]);
    const fromFiles = templateEnvironment([copy]);
    const view = { title: 'A <b>title</b>', header_left: 'Left', part: { name: 'copy-3' } };
    expect(fromBuild.render('layout.njk', view)).toBe(fromFiles.render('layout.njk', view));
    expect(fromBuild.render('layout.njk', view)).toContain('id="copy-3"');
  });

  it('leave a page that extends the layout without a body of its own rendering', () => {
    const dir = path.join(scratch, 'no-body');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'notice.njk'),
      '{% extends "layout.njk" %}{% block styles %}p { color: red; }{% endblock %}',
    );
    const page = templateEnvironment([dir, BUILTIN_TEMPLATES]).render('notice.njk', {
      title: 'Notice',
    });
    expect(page).toContain('<title>Notice</title>');
    expect(page).toContain('p { color: red; }');
    expect(page).toMatch(/<div class="page-part" id="copy"[^]*<\/div>\n<\/body>/);
  });

  it('give way to the file when it was edited after the build', () => {
    const dir = path.join(scratch, 'edited');
    mkdirSync(dir, { recursive: true });
    // The file now says "Hello"; the build compiled it when it said "Goodbye".
    writeFileSync(path.join(dir, 'greeting.njk'), 'Hello {{ name }}');
    const stale: CompiledTemplates = {
      'greeting.njk': {
        sha1: sourceHash('Goodbye {{ name }}'),
        code: compiled('Goodbye {{ name }}', 'greeting.njk'),
      },
    };
    const loaders = (built: CompiledTemplates) =>
      environment([precompiledLoader(dir, built), new nunjucks.FileSystemLoader(dir)]);
    expect(loaders(stale).render('greeting.njk', { name: 'Ana' })).toBe('Hello Ana');
    // Compiled from what the file holds, the build's code is used, not the file read again.
    const current: CompiledTemplates = {
      'greeting.njk': {
        sha1: sourceHash('Hello {{ name }}'),
        code: compiled('Hello, dear {{ name }}', 'greeting.njk'),
      },
    };
    expect(loaders(current).render('greeting.njk', { name: 'Ana' })).toBe('Hello, dear Ana');
  });
});
