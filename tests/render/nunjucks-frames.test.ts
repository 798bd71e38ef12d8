/**
 * The faster Frame.set (src/render/nunjucks-frames.ts) replaces a method of
 * nunjucks itself, so every template renders through it: it must give
 * exactly what nunjucks's own gives, for loops, scoping and macros alike.
 */
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fasterFrames, methodShape } from '../../src/render/nunjucks-frames.js';
import { ensureBuilt } from '../helpers/build.js';
import { REPO } from '../helpers/project.js';

type Set = (name: string, value: unknown, resolveUp?: boolean) => void;
const prototype = (nunjucks.runtime as unknown as { Frame: { prototype: { set: Set } } }).Frame
  .prototype;
const own = prototype.set;

const TEMPLATES = [
  // Loop variables, nested loops, a loop over an object, and else.
  `{% for row in rows %}{{ loop.index }}/{{ loop.length }}{% if loop.first %}F{% endif %}{% if loop.last %}L{% endif %}:{% for b in row %}[{{ loop.index0 }} {{ loop.revindex }} {{ loop.revindex0 }} {{ b }}]{% else %}none{% endfor %};{% endfor %}{% for k, v in obj %}{{ k }}={{ v }} {{ loop.index }}{% endfor %}`,
  // set inside a loop reaches up to the template's variable.
  `{% set total = 0 %}{% for n in [1, 2, 3] %}{% set total = total + n %}{{ total }}{% endfor %}={{ total }}`,
  // set inside if reaches up to the template's variable.
  `{% set x = 1 %}{% if true %}{% set x = 2 %}{% endif %}{{ x }}`,
  // Macros with arguments, defaults, and a caller.
  `{% macro m(a, b="d") %}<{{ a }}|{{ b }}{% for i in [a, b] %}{{ loop.index }}{% endfor %}>{% endmacro %}{{ m(1) }}{{ m("<x>", b=2) }}{% set y %}{{ m(3) }}{% endset %}{{ y }}`,
  // Variables named like loop variables, and names with a dot in a set block.
  `{% set loop = "mine" %}{{ loop }}{% for i in [1] %}{{ loop.index }}{% endfor %}{{ loop }}`,
];

function renderAll(): string[] {
  const env = new nunjucks.Environment(null, { autoescape: true });
  const context = { rows: [['a', 'b'], [], ['<c>']], obj: { p: 1, q: '&' } };
  return TEMPLATES.map((source) => env.renderString(source, context));
}

describe('faster nunjucks frames', () => {
  it('installs over the nunjucks version in use', () => {
    expect(fasterFrames()).toBe(true);
    expect(prototype.set).not.toBe(own);
  });

  it('renders every template exactly as nunjucks’s own Frame.set', () => {
    prototype.set = own;
    const expected = renderAll();
    expect(fasterFrames()).toBe(true);
    expect(renderAll()).toEqual(expected);
    // The comparison is about something: the templates exercise what they claim.
    expect(expected[0]).toContain('1/3F:[0 2 1 a][1 1 0 b];2/3:none;3/3L:[0 1 0 &lt;c&gt;];');
    expect(expected[1]).toBe('136=6');
  });

  it('installs over nunjucks as bundled into dist/chunks, which esbuild reprints', () => {
    ensureBuilt();
    const chunks = path.join(REPO, 'dist', 'chunks');
    const bundled = readdirSync(chunks)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(chunks, f), 'utf8'))
      .find((source) => source.includes('node_modules/nunjucks/src/runtime.js'));
    // Frame's set as the bundle prints it, from `_proto.set = function` to the end of the function.
    const method =
      /_proto\.set = (function[\w$ ]*\(name, val, resolveUp\) \{[\s\S]*?\n {6}\});/.exec(
        bundled ?? '',
      )?.[1];
    expect(method).toBeDefined();
    expect(method).not.toBe(String(own));
    expect(methodShape(method!)).toBe(methodShape(String(own)));
  });
});
