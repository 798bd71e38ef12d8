#!/usr/bin/env node
/**
 * What the bundled fonts cost: their size in node_modules, what a build
 * copies into out/assets, and the time of `handout build` (what `npm start`
 * runs once setup is done), whole process, median of several runs after a
 * warm-up. With `--vs DIR` (another checkout of handout, built, e.g. the
 * commit before a font change) the two builds alternate, A B A B ..., and
 * the ratio is given pair by pair, so a drifting machine does not skew it.
 * Not a test: it prints numbers, it never fails on them.
 *
 *   npm run build && node bench/fonts.mjs [--runs N] [--vs DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs')) || 5;
const other = option('--vs') && path.resolve(option('--vs'));

function bytes(target) {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(target).reduce((sum, entry) => sum + bytes(path.join(target, entry)), 0);
}

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

function build(root) {
  const out = mkdtempSync(path.join(tmpdir(), 'handout-bench-fonts-'));
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'dist/bin.js'), 'build', '--out', out, '--quiet'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`handout build failed in ${root}`);
  const assets = path.join(out, 'assets');
  const assetBytes = existsSync(assets) ? bytes(assets) : 0;
  const fontFiles = existsSync(path.join(assets, 'fonts'))
    ? readdirSync(path.join(assets, 'fonts')).length
    : 0;
  rmSync(out, { recursive: true, force: true });
  return { seconds, assetBytes, fontFiles };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return `${median.toFixed(2)} (${sorted[0].toFixed(2)}–${sorted.at(-1).toFixed(2)})`;
}

const fontsource = path.join(ROOT, 'node_modules/@fontsource');
console.log('Font packages in node_modules:');
let total = 0;
for (const pkg of readdirSync(fontsource).sort()) {
  const size = bytes(path.join(fontsource, pkg));
  total += size;
  console.log(`  @fontsource/${pkg.padEnd(22)} ${mb(size).padStart(9)}`);
}
console.log(
  `  ${'all'.padEnd(34)} ${mb(total).padStart(9)}  (node_modules in all: ${mb(bytes(path.join(ROOT, 'node_modules')))})`,
);

const roots = other ? [ROOT, other] : [ROOT];
build(ROOT); // warm-up: file cache, Chromium's first start
if (other) build(other);
const results = roots.map(() => []);
for (let run = 0; run < runs; run++) roots.forEach((root, i) => results[i].push(build(root)));

roots.forEach((root, i) => {
  const last = results[i].at(-1);
  console.log(`\nhandout build in ${root} (${runs} runs after a warm-up):`);
  console.log(`  wall seconds, median (min–max): ${stats(results[i].map((r) => r.seconds))}`);
  console.log(`  out/assets: ${mb(last.assetBytes)}, ${last.fontFiles} font files`);
});
if (other) {
  const ratios = results[0].map((r, i) => r.seconds / results[1][i].seconds);
  console.log(`\nthis checkout ÷ the other, pair by pair: ${stats(ratios)}`);
}
