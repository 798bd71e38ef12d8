#!/usr/bin/env node
/**
 * handout scan's figures for docs/performance.md. Not a test: it prints
 * numbers, it never fails on them.
 *
 *   npm run build && node bench/scan.mjs [--runs N]
 *
 * It prints the bundled quiz's class pack with answer sheets (real
 * Chromium), rasterises each student's sheet at 200 dpi with poppler, marks
 * a few bubbles, and makes copier PDFs of one JPEG per page: 30 and 300
 * pages. Then, as whole processes: pages per second reading the 300-page
 * file, and the peak memory for 30 and for 300 pages (the same figure
 * means memory stays flat: pages are streamed one by one).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { once } from './process-tree.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'dist', 'bin.js');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const QUIZ = 'missile-defense-unit';

if (!existsSync(BIN)) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'handout-bench-scan-'));
cpSync(path.join(ROOT, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
cpSync(path.join(ROOT, 'questions'), path.join(dir, 'questions'), { recursive: true });
console.error('bench: printing the class pack with answer sheets...');
execFileSync(
  process.execPath,
  [
    BIN,
    'quiz',
    QUIZ,
    '--roster',
    'questions/rosters/sample-class.csv',
    '--format',
    'pdf',
    '--quiet',
  ],
  { cwd: dir, stdio: 'inherit' },
);
const pack = path.join(dir, `out/quizzes/${QUIZ}/sample-class/class-pack.pdf`);

const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const document = await getDocument({ data: new Uint8Array(readFileSync(pack)), verbosity: 0 })
  .promise;
const sheetPages = [];
for (let n = 1; n <= document.numPages; n++) {
  const text = (await (await document.getPage(n)).getTextContent()).items
    .map((i) => i.str)
    .join(' ');
  if (/· sheet 1 of/.test(text)) sheetPages.push(n);
}
await document.destroy();

console.error(`bench: rasterising ${sheetPages.length} sheets at 200 dpi...`);
const { sheetLayout, pageBubbles } = await import(path.join(ROOT, 'dist/sheet/layout.js'));
const { regenerateCopies } = await import(path.join(ROOT, 'dist/grade/copies.js'));
const { loadContent } = await import(path.join(ROOT, 'dist/content.js'));
const { projectAt } = await import(path.join(ROOT, 'dist/project.js'));
const { ProblemList } = await import(path.join(ROOT, 'dist/errors.js'));
const { loadRoster } = await import(path.join(ROOT, 'dist/quiz/roster.js'));
const content = await loadContent(projectAt(dir), new ProblemList());
const blueprint = content.blueprints.find((b) => b.id === QUIZ);
const students = await loadRoster(blueprint.roster);
const copies = regenerateCopies(content.bank.questions, blueprint, blueprint.seed, { students });
const jpegs = [];
for (const [i, page] of sheetPages.entries()) {
  const prefix = path.join(dir, `sheet-${page}`);
  execFileSync('pdftoppm', [
    '-r',
    '200',
    '-gray',
    '-png',
    '-singlefile',
    '-f',
    String(page),
    '-l',
    String(page),
    pack,
    prefix,
  ]);
  const copy = copies.roster.byStudent.get(students[i].id);
  const bubbles = pageBubbles(sheetLayout(copy, { idDigits: 6 }).pages[0]);
  // One bubble in four filled: about one answer per question.
  const px = 200 / 25.4;
  const circles = bubbles
    .filter((_, k) => (k + i) % 4 === 0)
    .map(
      ({ bubble }) =>
        `<circle cx="${bubble.x * px}" cy="${bubble.y * px}" r="${2 * px}" fill="#111"/>`,
    );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="2200">${circles.join('')}</svg>`;
  jpegs.push(
    await sharp(`${prefix}.png`)
      .composite([{ input: Buffer.from(svg), blend: 'multiply' }])
      .rotate(i % 2 ? 1 : -1, { background: '#fff' })
      .flatten({ background: '#fff' })
      .greyscale()
      .jpeg({ quality: 75 })
      .toBuffer(),
  );
}

async function copierPdf(pages, file) {
  const pdf = await PDFDocument.create();
  const embedded = [];
  for (let n = 0; n < pages; n++) {
    // The same few sheets again and again: each page is still read in full.
    const image = await pdf.embedJpg(jpegs[n % jpegs.length]);
    embedded.push(image);
    pdf.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  }
  writeFileSync(file, await pdf.save());
}
mkdirSync(path.join(dir, 'scans'));
await copierPdf(30, path.join(dir, 'scans/30.pdf'));
await copierPdf(300, path.join(dir, 'scans/300.pdf'));
const mb = (file) => (readFileSync(file).length / 1048576).toFixed(1);
console.error(
  `bench: scan files of 30 pages (${mb(path.join(dir, 'scans/30.pdf'))} MB) and 300 pages (${mb(path.join(dir, 'scans/300.pdf'))} MB)`,
);

async function measure(file) {
  const command = [
    BIN,
    'scan',
    '--quiz',
    QUIZ,
    `scans/${file}`,
    '--accept-doubtful',
    '--quiet',
    '--out',
    'bench-out',
  ];
  await once(process.execPath, command, { cwd: dir });
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(process.execPath, command, { cwd: dir }));
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
  const peaks = results.map((r) => r.peakKb / 1024).sort((a, b) => a - b);
  return {
    seconds,
    peaks,
    median: seconds[Math.floor(runs / 2)],
    peak: peaks[Math.floor(runs / 2)],
  };
}

const small = await measure('30.pdf');
const large = await measure('300.pdf');
const rate = (pages, s) => (pages / s).toFixed(1);
console.log(
  `scan, 300 pages of 200-dpi JPEG: ${large.median.toFixed(2)} s median (${large.seconds[0].toFixed(2)}-${large.seconds.at(-1).toFixed(2)}), ${rate(300, large.median)} pages/s (${rate(300, large.seconds.at(-1))}-${rate(300, large.seconds[0])}), peak memory ${large.peak.toFixed(0)} MB`,
);
console.log(
  `scan, 30 pages: ${small.median.toFixed(2)} s median, ${rate(30, small.median)} pages/s, peak memory ${small.peak.toFixed(0)} MB`,
);
console.log(`per page, start-up excluded: ${rate(270, large.median - small.median)} pages/s`);
