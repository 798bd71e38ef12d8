#!/usr/bin/env node
/**
 * Bundles the command line into dist/bin.js plus a few chunks in
 * dist/chunks/, after tsc has type-checked and compiled src/ into dist/.
 *
 * Why: a run of `handout lint` spent more time finding, reading and linking
 * some 420 ES modules (ours and, above all, the 250 files of
 * @sinclair/typebox) than linting; Node 20 has no compile cache to spare
 * that. One file per command path makes start-up a few module loads.
 * Commands still import their heavy parts lazily: esbuild keeps each
 * `import()` as its own chunk, so `handout lint` never loads the browser,
 * the exporters or the templates.
 *
 * Dependencies stay in node_modules (loaded by Node as usual) except the
 * small pure-JavaScript ones every command needs, listed in BUNDLED: the
 * others find files beside their own code (fonts, browsers, native
 * binaries, template loaders) and are only loaded by the commands that use
 * them. The rest of dist/ (tsc's one file per module) is what scripts and
 * benchmarks import; tsc's own dist/bin.js, which this overwrites, runs
 * the same code unbundled.
 *
 * Source maps point into src/: `node --enable-source-maps dist/bin.js`, or
 * `handout --debug`, shows stack traces with TypeScript file and line.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Bundled into the chunks: pure JavaScript that finds no file of its own.
 * The first three are loaded by nearly every command; markdown-it (some
 * 100 small ES modules with its helpers), csv-parse, seedrandom and the QR
 * encoder's core cost a class pack 50-60 ms of CPU to find and link one by one, and
 * 15 ms as part of a chunk. puppeteer-core (about 300 modules with
 * @puppeteer/browsers and its CommonJS dependencies) took 180-200 ms of
 * CPU to load, 80 ms bundled: it is loaded before the browser can start,
 * so that time is spent before the first page can print. It finds the
 * browser by the path handout gives it, never beside its own code.
 * nunjucks (some 20 CommonJS files, 15-20 ms of CPU one by one, also on
 * the way to the first print) reads templates only from the folders
 * handout names; render/nunjucks-frames.ts compares its Frame.set in the
 * form esbuild prints it.
 */
export const BUNDLED = [
  '@sinclair/typebox',
  'commander',
  'js-yaml',
  'markdown-it',
  'nunjucks',
  'csv-parse',
  'qrcode',
  'seedrandom',
  'puppeteer-core',
  'wink-porter2-stemmer',
];

/**
 * Dependencies of bundled packages that a run never uses but that their
 * importers load at start-up, each replaced in the bundle by a stand-in that
 * loads the real package (from node_modules, beside its importer) on first
 * use. @puppeteer/browsers imports proxy-agent for its downloads; with its
 * own dependencies (pac-resolver, a JavaScript engine for proxy scripts, an
 * FTP client, socks...) it was three quarters of puppeteer-core's chunks,
 * 1.5 MB of code compiled and run before the browser could be spawned,
 * although handout gives puppeteer-core the browser's path and never
 * downloads through it. Downloads (the `puppeteer` package, not bundled)
 * keep the real one.
 */
const LOADED_ON_USE = {
  'proxy-agent': { importer: '@puppeteer/browsers', named: ['ProxyAgent'] },
};

/** The stand-in module for one LOADED_ON_USE package (see above). */
export function onUseModule(name, { importer, named }) {
  const load = `const real = () => (loaded ??= createRequire(createRequire(import.meta.url).resolve(${JSON.stringify(importer)}))(${JSON.stringify(name)}));`;
  // A class stand-in: \`new ProxyAgent()\` returns the real package's instance.
  const exports = named.map(
    (key) =>
      `export const ${key} = function (...args) { return new (real()[${JSON.stringify(key)}])(...args); };`,
  );
  return [`import { createRequire } from 'node:module';`, `let loaded;`, load, ...exports].join(
    '\n',
  );
}

const loadOnUse = {
  name: 'load-on-use',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LOADED_ON_USE).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'load-on-use' }));
    build.onLoad({ filter: /.*/, namespace: 'load-on-use' }, (args) => ({
      contents: onUseModule(args.path, LOADED_ON_USE[args.path]),
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

export async function bundle() {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies).filter((name) => !BUNDLED.includes(name));
  rmSync(path.join(ROOT, 'dist', 'chunks'), { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    // Worker threads start from their own files (src/scan/pool.ts and
    // src/produce/class-pages.ts find them).
    entryPoints: {
      bin: 'src/bin.ts',
      'scan-worker': 'src/scan/page-worker.ts',
      'class-worker': 'src/produce/class-worker.ts',
    },
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: 'tsconfig.json',
    external,
    plugins: [loadOnUse],
    sourcemap: 'linked',
    sourcesContent: false,
    // Bundled CommonJS (commander) calls require() for Node's built-ins; ESM has no require.
    banner: {
      js: "import { createRequire as __handoutRequire } from 'node:module';\nconst require = __handoutRequire(import.meta.url);",
    },
    logLevel: 'warning',
    // Same source, same bytes: no timestamps or absolute paths in the output.
    legalComments: 'none',
  });
}

/**
 * Compiles the built-in templates (every .njk and .css of templates/ but the
 * starter project, which `handout init` copies) into dist/templates.cjs,
 * with the syntax options handout reads them with and a hash of each file:
 * see src/render/precompiled.ts. Uses tsc's dist/, built just before.
 */
export async function precompileTemplates() {
  const { default: nunjucks } = await import('nunjucks');
  const { TEMPLATE_SYNTAX } = await import('../dist/render/env.js');
  const { COMPILED_TEMPLATES, sourceHash } = await import('../dist/render/precompiled.js');
  const dir = path.join(ROOT, 'templates');
  const env = new nunjucks.Environment([], TEMPLATE_SYNTAX);
  const names = readdirSync(dir, { recursive: true })
    .map((name) => name.split(path.sep).join('/'))
    .filter((name) => /\.(njk|css)$/.test(name) && !name.startsWith('starter/'))
    .sort();
  const entries = names.map((name) => {
    const source = readFileSync(path.join(dir, name), 'utf8');
    const code = nunjucks.precompileString(source, { name, env, wrapper: ([t]) => t.template });
    return `${JSON.stringify(name)}: {\n  sha1: ${JSON.stringify(sourceHash(source))},\n  code: (function () {\n${code}\n})(),\n}`;
  });
  writeFileSync(
    path.join(ROOT, COMPILED_TEMPLATES),
    `// Built by scripts/bundle.mjs from templates/: see src/render/precompiled.ts.\nmodule.exports = {\n${entries.join(',\n')}\n};\n`,
  );
}

/**
 * Reads the bundled font families from their packages once, into
 * dist/font-catalogue/ (see src/render/font-catalogue.ts). Uses tsc's
 * dist/, built just before.
 */
export async function catalogueFonts() {
  const { fontCatalogue } = await import('../dist/render/font-packages.js');
  const { FONT_CATALOGUE, writeCataloguedFamily } =
    await import('../dist/render/font-catalogue.js');
  rmSync(path.join(ROOT, FONT_CATALOGUE), { recursive: true, force: true });
  for (const { pkg, family } of fontCatalogue()) writeCataloguedFamily(ROOT, pkg, family);
}

if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  await bundle();
  await precompileTemplates();
  await catalogueFonts();
}
