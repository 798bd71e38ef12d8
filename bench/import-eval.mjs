#!/usr/bin/env node
/**
 * How well `handout corpus import` reads real saved pages: for every page in
 * bench/import-eval/pages, the draft's paragraphs are compared with the
 * article body written down by hand in bench/import-eval/truth, as
 * article-extraction benchmarks do (bag-of-words token precision, recall and
 * F1 per page, averaged over pages), and the title and publication date with
 * the true ones (exact match). Import time per page is measured after a
 * warm-up run, so it leaves out Node's start-up and module loading.
 *
 *   npm run build && node bench/import-eval.mjs [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { draftArticle } = await import(
  path.join(here, '..', 'dist', 'corpus', 'import', 'draft-article.js')
);
const verbose = process.argv.includes('--verbose');
const dir = path.join(here, 'import-eval');
const ROUNDS = 5;

const pages = readdirSync(path.join(dir, 'pages'))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => {
    const name = file.replace(/\.html$/, '');
    const truth = readFileSync(path.join(dir, 'truth', `${name}.txt`), 'utf8');
    const [head, ...body] = truth.split(/\n\n/);
    const field = (key) => new RegExp(`^${key}: (.*)$`, 'm').exec(head)?.[1]?.trim();
    return {
      name,
      file: path.join(dir, 'pages', file),
      bytes: readFileSync(path.join(dir, 'pages', file)),
      title: field('title'),
      published: field('published'),
      body: body.join('\n\n'),
    };
  });

const importPage = (page) =>
  draftArticle({ bytes: page.bytes, kind: 'html', name: page.name, file: page.file });
for (const page of pages) importPage(page); // warm-up: module loading and JIT, not import work

const tokens = (text) =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
function overlap(predicted, truth) {
  const counts = new Map();
  for (const t of truth) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of predicted) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  const precision = predicted.length ? common / predicted.length : 0;
  const recall = truth.length ? common / truth.length : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
const same = (a, b) =>
  (a ?? '').normalize('NFC').replace(/\s+/g, ' ').trim() ===
  (b ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const rows = pages.map((page) => {
  const times = [];
  const cpu = [];
  let draft;
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    draft = importPage(page);
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const found = (field) => draft.found.find((f) => f.field === field)?.value;
  const scores = overlap(tokens(draft.paragraphs.join('\n')), tokens(page.body));
  const dated = page.published !== 'none';
  return {
    name: page.name,
    kb: page.bytes.length / 1024,
    ...scores,
    title: same(found('title'), page.title),
    foundTitle: found('title'),
    date: dated ? found('published') === page.published : undefined,
    foundDate: found('published'),
    truthDate: page.published,
    ms: median(times),
    cpuMs: median(cpu),
    draft,
  };
});

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const fixed = (x) => x.toFixed(3);
console.log(
  'page                              KB     P      R      F1    title date   ms   cpu ms',
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(32)} ${r.kb.toFixed(0).padStart(4)}  ${fixed(r.precision)}  ${fixed(r.recall)}  ${fixed(r.f1)}  ${r.title ? 'ok ' : 'NO '}  ${r.date === undefined ? ' -  ' : r.date ? 'ok  ' : 'NO  '} ${r.ms.toFixed(1).padStart(6)} ${r.cpuMs.toFixed(1).padStart(6)}`,
  );
  if (verbose && !r.title) console.log(`    title: got ${JSON.stringify(r.foundTitle)}`);
  if (verbose && r.date === false) console.log(`    date: got ${r.foundDate}, true ${r.truthDate}`);
  if (verbose && r.f1 < 0.97)
    console.log(r.draft.paragraphs.map((p) => `    | ${p.slice(0, 110)}`).join('\n'));
}
const mean = (key) => rows.reduce((sum, r) => sum + r[key], 0) / rows.length;
const dated = rows.filter((r) => r.date !== undefined);
const times = rows.map((r) => r.ms);
const cpuTimes = rows.map((r) => r.cpuMs);
console.log('');
console.log(`pages: ${rows.length} (${dated.length} state a date)`);
console.log(
  `body, mean per page: F1 ${fixed(mean('f1'))}, precision ${fixed(mean('precision'))}, recall ${fixed(mean('recall'))}; lowest F1 ${fixed(Math.min(...rows.map((r) => r.f1)))}`,
);
console.log(
  `title exact: ${rows.filter((r) => r.title).length}/${rows.length} (${pct(rows.filter((r) => r.title).length / rows.length)})`,
);
console.log(
  `date exact: ${dated.filter((r) => r.date).length}/${dated.length} (${pct(dated.filter((r) => r.date).length / dated.length)})`,
);
console.log(
  `import time per page after start-up (median of ${ROUNDS} runs each): median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
);
// CPU time is what the import itself costs; wall time also counts waiting for a busy machine's cores.
console.log(
  `CPU time per page: median ${median(cpuTimes).toFixed(1)} ms, min ${Math.min(...cpuTimes).toFixed(1)} ms, max ${Math.max(...cpuTimes).toFixed(1)} ms (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
);
