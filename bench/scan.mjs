#!/usr/bin/env node
/**
 * handout scan's figures for docs/performance.md. Not a test: it prints
 * numbers, it never fails on them.
 *
 *   npm run build && node bench/scan.mjs [--runs N] [--colour]
 *
 * It prints the bundled quiz's class pack with answer sheets (real
 * Chromium), rasterises each student's sheet at 200 dpi with poppler, marks
 * a few bubbles, and makes copier PDFs of one JPEG per page: 30 and 300
 * pages. Then, as whole processes: pages per second reading the 300-page
 * file (pages are read in a worker thread per core), the CPU time of the
 * whole process (all threads and poppler), and the peak memory for 30 and
 * for 300 pages (about the same figure means memory stays flat: pages are
 * streamed one by one and review pictures go to disk as they are made).
 * --colour makes colour scans (marks in blue ink, colour JPEGs, as a
 * copier's colour mode gives them), to measure reading colour pages.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { BIN, ROOT, benchProject, loadNote, measure, requireBuild } from './measure.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const colour = args.includes('--colour');
const QUIZ = 'missile-defense-unit';

requireBuild();
const dir = benchProject();
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
        `<circle cx="${bubble.x * px}" cy="${bubble.y * px}" r="${2 * px}" fill="${colour ? '#1b3f9e' : '#111'}"/>`,
    );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="2200">${circles.join('')}</svg>`;
  const marked = sharp(`${prefix}.png`)
    .toColourspace('srgb')
    .composite([{ input: Buffer.from(svg), blend: 'multiply' }])
    .rotate(i % 2 ? 1 : -1, { background: '#fff' })
    .flatten({ background: '#fff' });
  jpegs.push(await (colour ? marked : marked.greyscale()).jpeg({ quality: 75 }).toBuffer());
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

const scan = (file) =>
  measure(
    process.execPath,
    [
      BIN,
      'scan',
      '--quiz',
      QUIZ,
      `scans/${file}`,
      '--accept-doubtful',
      '--quiet',
      '--out',
      'bench-out',
    ],
    { cwd: dir },
    runs,
  );

const small = await scan('30.pdf');
const large = await scan('300.pdf');
const rate = (pages, s) => (pages / s).toFixed(1);
console.log(
  `(${loadNote()}, ${runs} runs each after a warm-up, ${colour ? 'colour' : 'grey'} scans)`,
);
console.log(
  `scan, 300 pages of 200-dpi JPEG: ${large.median.toFixed(2)} s median (${large.min.toFixed(2)}-${large.max.toFixed(2)}), ${rate(300, large.median)} pages/s (${rate(300, large.max)}-${rate(300, large.min)}), CPU ${large.cpu.toFixed(1)} s, peak memory ${large.peakMb.toFixed(0)} MB (max ${large.maxPeakMb.toFixed(0)})`,
);
console.log(
  `scan, 30 pages: ${small.median.toFixed(2)} s median (${small.min.toFixed(2)}-${small.max.toFixed(2)}), ${rate(30, small.median)} pages/s, CPU ${small.cpu.toFixed(1)} s, peak memory ${small.peakMb.toFixed(0)} MB (max ${small.maxPeakMb.toFixed(0)})`,
);
console.log(
  `per page, start-up excluded: ${rate(270, large.median - small.median)} pages/s, ${((1000 * (large.cpu - small.cpu)) / 270).toFixed(0)} ms of CPU`,
);
