/**
 * The paper round trip with realistic scans: a small class's sheets printed
 * by real Chromium, rasterised by poppler at 150, 200 and 300 dpi, marked
 * the way pupils mark (full, 60%, light pencil, tick, cross, erased, stray
 * dot, two marks, none), degraded as copiers and phones do (rotation ±3°
 * and 180°, 97-103% scale, slight perspective, blur, noise, JPEG quality
 * 60), shuffled, with a sheet missing, a duplicate and foreign pages; then
 * handout scan, the teacher's corrections, and handout grade.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import * as cheerio from 'cheerio';
import { PDFDocument } from 'pdf-lib';
import { pathToFileURL } from 'node:url';
import { withPrinter } from '../../src/pdf/printer.js';
import seedrandom from 'seedrandom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content.js';
import { ProblemList } from '../../src/errors.js';
import { regenerateCopies } from '../../src/grade/copies.js';
import { projectAt } from '../../src/project.js';
import { loadRoster } from '../../src/quiz/roster.js';
import type { QuizCopy } from '../../src/quiz/copy.js';
import { sheetLayout } from '../../src/sheet/layout.js';
import type { Bubble, DigitGrid } from '../../src/sheet/layout-types.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';
import { readPdfText } from '../pdf/pdf-reading.js';
import { CLEAR, degrade, markPage, type Degrade, type Pen, type Stroke } from './pupils.js';

const execFileAsync = promisify(execFile);

const QUIZ = `id: scan-quiz
title: Scan Quiz
seed: 9
versions: 2
answer_sheet: { id_digits: 4 }
roster: ../../class.csv
sections:
  - title: Choice
    pick: 40
    from: { types: [single] }
  - title: All that apply
    pick: 3
    from: { types: [multiple] }
  - title: True or false
    pick: 5
    from: { types: [true-false] }
  - title: Numbers
    pick: 3
    from: { types: [numeric] }
  - title: Words
    pick: 1
    from: { types: [short] }
`;

/** How a pupil answers one item, and what a reader must make of it. */
interface Intended {
  /** What the pupil meant, in §5 notation ("" = no answer). */
  answer: string;
  /** clear: must be read exactly; uncertain: read exactly or sent to review; review: must be sent to review. */
  rule: 'clear' | 'uncertain' | 'review';
}

interface Pupil {
  name: string;
  copy: QuizCopy;
  /** Student ID marked on a version copy. */
  id?: string;
  items: Map<number, Intended>;
  pens: Pen[][];
}

/** The marking styles, cycled through the items so every copy has each of them. */
const SINGLE_STYLES = [
  'full',
  'sixty',
  'pencil',
  'tick',
  'cross',
  'none',
  'two',
  'erased',
  'changed',
  'dot',
] as const;

function planPupil(name: string, copy: QuizCopy, id: string | undefined, seed: string): Pupil {
  const rng = seedrandom(seed);
  const layout = sheetLayout(copy, { idDigits: 4 });
  const items = new Map<number, Intended>();
  const pens: Pen[][] = layout.pages.map(() => []);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  let style = Math.floor(rng() * SINGLE_STYLES.length);
  layout.pages.forEach((page, p) => {
    const put = (bubble: Bubble, stroke: Stroke) => pens[p]!.push({ bubble, stroke });
    const digits = (grid: DigitGrid, text: string) => {
      const padded = text.padStart(grid.columns.length - grid.decimals, ' ');
      [...padded].forEach((d, c) => d !== ' ' && put(grid.columns[c]![Number(d)]!, 'full'));
    };
    if (page.idGrid && id) digits(page.idGrid, id);
    for (const row of page.rows) {
      if (row.kind === 'paper') {
        items.set(row.item, { answer: '', rule: 'clear' });
      } else if (row.kind === 'number') {
        const value = String(Math.floor(rng() * 3000));
        digits(row.grid, value);
        items.set(row.item, { answer: value, rule: 'clear' });
      } else if (row.type === 'multiple') {
        const chosen = row.bubbles.filter(() => rng() < 0.45);
        if (chosen.length === 0) chosen.push(row.bubbles[0]!);
        chosen.forEach((b, i) => put(b, i === 0 && rng() < 0.3 ? 'sixty' : 'full'));
        items.set(row.item, { answer: chosen.map((b) => b.value).join(''), rule: 'clear' });
      } else {
        const kind = SINGLE_STYLES[style++ % SINGLE_STYLES.length]!;
        const [first, second] = [pick(row.bubbles), pick(row.bubbles)];
        const other = row.bubbles.find((b) => b !== first)!;
        switch (kind) {
          case 'none':
            items.set(row.item, { answer: '', rule: 'clear' });
            break;
          case 'two':
            put(first, 'full');
            put(other, 'full');
            items.set(row.item, { answer: '', rule: 'review' });
            break;
          case 'erased':
            put(first, 'erased');
            items.set(row.item, { answer: '', rule: 'clear' });
            break;
          case 'dot':
            put(second, 'dot');
            items.set(row.item, { answer: '', rule: 'clear' });
            break;
          case 'changed':
            // Erased one answer, then marked another.
            put(other, 'erased');
            put(first, 'full');
            items.set(row.item, { answer: first.value, rule: 'clear' });
            break;
          default:
            put(first, kind);
            items.set(row.item, {
              answer: first.value,
              rule: (CLEAR as readonly string[]).includes(kind) ? 'clear' : 'uncertain',
            });
        }
      }
    }
  });
  return { name, copy, ...(id ? { id } : {}), items, pens };
}

let root: string;
let pupils: Pupil[];
/** scan file#page → the pupil and sheet page on it. */
const onPage = new Map<string, { pupil: Pupil; sheet: number }>();
let firstRun: Awaited<ReturnType<typeof runCli>>;

/** Rasterised sheet pages, by file, page and resolution: a page scanned twice is rasterised once. */
const rasters = new Map<string, Promise<Buffer>>();

/** A page of a printed PDF as poppler rasterises it (in its own process, while others run). */
function sheetPng(pdf: string, page: number, dpi: number): Promise<Buffer> {
  const prefix = path.join(root, `raster-${path.basename(pdf)}-${page}-${dpi}`);
  let png = rasters.get(prefix);
  if (!png) {
    png = execFileAsync('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-png',
      '-singlefile',
      '-f',
      String(page),
      '-l',
      String(page),
      pdf,
      prefix,
    ]).then(() => readFileSync(`${prefix}.png`));
    rasters.set(prefix, png);
  }
  return png;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'handout-scan-'));
  cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
  cpSync(path.join(REPO, 'questions'), path.join(root, 'questions'), {
    recursive: true,
    filter: (src) => !/quizzes|briefings|responses/.test(src),
  });
  mkdirSync(path.join(root, 'questions/quizzes'));
  writeFileSync(path.join(root, 'questions/quizzes/scan-quiz.yaml'), QUIZ);
  writeFileSync(
    path.join(root, 'class.csv'),
    'id,name\ns1,"Okafor, Amara"\ns2,Иван Соколов\ns3,Lucía García\n',
  );
  // HTML only (no browser), then real Chromium prints each copy without its
  // question pages: the sheet pages are exactly those of the full copy.
  for (const args of [[], ['--roster', 'class.csv']]) {
    const html = await runCli(['quiz', 'scan-quiz', ...args, '--format', 'html', '--quiet'], root);
    expect(html.code, html.stderr).toBe(0);
  }
  const quizDir = path.join(root, 'out/quizzes/scan-quiz');
  const htmlFiles = [
    path.join(quizDir, 'version-A.html'),
    path.join(quizDir, 'version-B.html'),
    ...['s1', 's2', 's3'].map((id) => path.join(quizDir, `class/copies/${id}.html`)),
  ];
  const printed = await withPrinter({ env: process.env }, (printer) =>
    printer.printAll(
      htmlFiles.map((file) => {
        const $ = cheerio.load(readFileSync(file, 'utf8'));
        $('form.questions, .instructions').remove();
        return {
          name: file,
          html: $.html(),
          baseUrl: pathToFileURL(path.dirname(file) + '/').href,
          title: 'sheet',
          date: new Date(Date.UTC(2026, 0, 1)),
        };
      }),
    ),
  );
  for (const [i, file] of htmlFiles.entries())
    writeFileSync(file.replace(/\.html$/, '.pdf'), printed[i]!.pdf);
  const content = await loadContent(projectAt(root), new ProblemList());
  const blueprint = content.blueprints[0]!;
  const students = await loadRoster(path.join(root, 'class.csv'));
  const copies = regenerateCopies(content.bank.questions, blueprint, 9, { students });
  const [a, b] = copies.versions;
  const byStudent = copies.roster!.byStudent;
  pupils = [
    planPupil('A-0412', a!, '0412', 'p1'),
    planPupil('A-7305', a!, '7305', 'p2'),
    planPupil('B-0988', b!, '0988', 'p3'),
    planPupil('s1', byStudent.get('s1')!, undefined, 'p4'),
    planPupil('s2', byStudent.get('s2')!, undefined, 'p5'),
    planPupil('s3', byStudent.get('s3')!, undefined, 'p6'),
  ];
  expect(pupils[0]!.pens).toHaveLength(2);
  expect(pupils[3]!.pens).toHaveLength(1);

  // Where each copy's sheet pages are in the printed PDFs.
  const pdfOf = (pupil: Pupil) =>
    path.join(
      quizDir,
      pupil.copy.student
        ? `class/copies/${pupil.copy.label}.pdf`
        : `version-${pupil.copy.version}.pdf`,
    );
  const texts = new Map<string, string[]>();
  for (const file of [...new Set(pupils.map(pdfOf))])
    texts.set(file, (await readPdfText(new Uint8Array(readFileSync(file)))).pages);
  const sheetPage = (pupil: Pupil, sheet: number) => {
    const pages = texts.get(pdfOf(pupil))!;
    const total = pupil.pens.length;
    const index = pages.findIndex((t) =>
      t.includes(`copy ${pupil.copy.version} · sheet ${sheet} of ${total}`),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    return index + 1;
  };
  const scan = async (pupil: Pupil, sheet: number, dpi: number, how: Degrade) =>
    degrade(
      await markPage(
        await sheetPng(pdfOf(pupil), sheetPage(pupil, sheet), dpi),
        pupil.pens[sheet - 1]!,
        dpi,
      ),
      how,
    );

  // 1. A copier: one 200-dpi JPEG per PDF page, pages shuffled; B's sheet 2
  // is missing, s1's sheet went through twice, a question page and a blank page came along.
  const [pa, , pb, s1, s2, s3] = pupils as [Pupil, Pupil, Pupil, Pupil, Pupil, Pupil];
  // The pages are made side by side: poppler in its own processes, sharp on its own threads.
  const pages: { data: Promise<Buffer>; pupil?: Pupil; sheet?: number }[] = [
    {
      pupil: pa,
      sheet: 1,
      data: scan(pa, 1, 200, { rotate: 0.8, noise: 4, jpeg: 75, seed: 'a' }),
    },
    {
      pupil: pa,
      sheet: 2,
      data: scan(pa, 2, 200, { rotate: -0.6, scale: 0.99, jpeg: 75, seed: 'b' }),
    },
    {
      pupil: pb,
      sheet: 1,
      data: scan(pb, 1, 200, { scale: 1.01, noise: 4, jpeg: 75, seed: 'c' }),
    },
    { pupil: s1, sheet: 1, data: scan(s1, 1, 200, { rotate: 0.4, jpeg: 75, seed: 'd' }) },
    { pupil: s1, sheet: 1, data: scan(s1, 1, 200, { rotate: -0.3, jpeg: 75, seed: 'e' }) },
    { data: sheetPng(pdfOf(pa), 1, 200).then((png) => degrade(png, { jpeg: 75 })) },
    {
      data: sheetPng(pdfOf(pa), 1, 200)
        .then((png) => markPage(png, [], 200))
        .then((png) => degrade(png, { scale: 1, jpeg: 75, blur: 60 })),
    },
  ];
  // 2. A sheet-feeder at 150 dpi, pages a little crooked, blurred and noisy (PNG).
  const pb2 = pupils[1]!;
  const loose = {
    'tray-1.png': scan(pb2, 1, 150, { rotate: 3, blur: 0.7, noise: 6, seed: 'f' }),
    'tray-2.png': scan(pb2, 2, 150, { rotate: -3, noise: 6, seed: 'g' }),
    // 3. 300 dpi, upside down and shrunk; a phone photo: slight perspective, enlarged, JPEG quality 60.
    'upside-down.jpg': scan(s2, 1, 300, { rotate: 180, scale: 0.97, jpeg: 80 }),
    'phone.jpg': scan(s3, 1, 200, { perspective: 0.025, scale: 1.03, jpeg: 60 }),
  };
  const copier = await Promise.all(
    pages.map(async (entry) => ({ ...entry, data: await entry.data })),
  );
  const order = copier.map((_, i) => i).sort((x, y) => ((x * 5 + 3) % 7) - ((y * 5 + 3) % 7));
  const pdf = await PDFDocument.create();
  for (const index of order) {
    const entry = copier[index]!;
    const jpg = await pdf.embedJpg(entry.data);
    const page = pdf.addPage([612, 792]);
    page.drawImage(jpg, { x: 0, y: 0, width: 612, height: 792 });
    if (entry.pupil)
      onPage.set(`copier.pdf#${pdf.getPageCount()}`, { pupil: entry.pupil, sheet: entry.sheet! });
  }
  mkdirSync(path.join(root, 'scans'));
  writeFileSync(path.join(root, 'scans/copier.pdf'), await pdf.save({ useObjectStreams: false }));

  for (const [name, data] of Object.entries(loose))
    writeFileSync(path.join(root, 'scans', name), await data);
  onPage.set('tray-1.png#1', { pupil: pb2, sheet: 1 });
  onPage.set('tray-2.png#1', { pupil: pb2, sheet: 2 });
  onPage.set('upside-down.jpg#1', { pupil: s2, sheet: 1 });
  onPage.set('phone.jpg#1', { pupil: s3, sheet: 1 });

  firstRun = await runCli(
    [
      'scan',
      '--quiz',
      'scan-quiz',
      'scans/copier.pdf',
      'scans/tray-1.png',
      'scans/tray-2.png',
      'scans/upside-down.jpg',
      'scans/phone.jpg',
      '--accept-doubtful',
    ],
    root,
  );
}, 300_000);

function corrections(): { key: string; proposed?: string }[] {
  const text = readFileSync(path.join(root, 'scans/scan-quiz.corrections.yaml'), 'utf8');
  return [
    ...text.matchAll(/- key: "([^"]+)"\n(?: {4}problem: .*\n)(?: {4}proposed: "([^"]*)"\n)?/g),
  ].map((m) => ({
    key: m[1]!,
    ...(m[2] === undefined ? {} : { proposed: m[2] }),
  }));
}

function responses(): string[][] {
  return parse(
    readFileSync(path.join(root, 'out/scans/scan-quiz/responses.csv'), 'utf8'),
  ) as string[][];
}

describe('handout scan on realistic scans', () => {
  it('reads every clear mark right, never guesses, and sends the uncertain ones to review', () => {
    expect(firstRun.stderr).toBe('');
    expect(firstRun.code).toBe(0);
    const doubtful = new Set(corrections().map((c) => c.key));
    const rows = responses();
    // A sheet scanned twice is read once: the second scan asks nothing, its questions are the first's.
    const second = /note: copier\.pdf page (\d) is a second scan of sheet 1 of Okafor/.exec(
      firstRun.stdout,
    );
    expect(second).not.toBeNull();
    const secondKey = `copier.pdf#${second![1]}`;
    expect([...doubtful].filter((k) => k.startsWith(`${secondKey} `))).toEqual([]);
    let clear = 0;
    let reviewed = 0;
    for (const [key, { pupil, sheet }] of onPage) {
      if (key === secondKey) continue;
      const rowOf = rows.find(
        (r) => r[1] === pupil.copy.version && r[0] === (pupil.copy.student?.id ?? pupil.id),
      );
      expect(rowOf, `${pupil.name} has a row`).toBeDefined();
      const layout = sheetLayout(pupil.copy, { idDigits: 4 });
      for (const row of layout.pages[sheet - 1]!.rows) {
        const intended = pupil.items.get(row.item)!;
        const read = rowOf![row.item + 1]!;
        const flagged = doubtful.has(`${key} item ${row.item}`);
        const where = `${pupil.name}, ${key}, item ${row.item} (${intended.rule} "${intended.answer}")`;
        if (intended.rule === 'clear') {
          clear++;
          expect(flagged, `${where} was sent to review`).toBe(false);
          expect(read, where).toBe(intended.answer);
        } else if (intended.rule === 'review') {
          expect(flagged, `${where} was not sent to review`).toBe(true);
        } else if (flagged) {
          reviewed++;
        } else {
          expect(read, where).toBe(intended.answer);
        }
      }
    }
    expect(clear).toBeGreaterThan(150);
    // Some of the ticks, crosses and pencil marks were read, the rest reviewed; none was misread.
    expect(reviewed).toBeGreaterThan(0);
  });

  it('reports the missing sheet, the duplicate and the foreign pages with file and page', () => {
    const out = firstRun.stdout;
    expect(out).toMatch(/copier\.pdf: 7 pages, 5 sheets read, 1 blank, 1 set aside/);
    expect(out).toMatch(/set aside: copier\.pdf page \d: not a handout answer sheet/);
    expect(out).toMatch(
      /note: copier\.pdf page \d is a second scan of sheet 1 of Okafor, Amara's copy/,
    );
    expect(out).toMatch(
      /sheet 2 of 2 of version B with student ID 0988 is missing \(its sheet 1 is copier\.pdf page \d\)/,
    );
    const review = readFileSync(path.join(root, 'out/scans/scan-quiz/review.html'), 'utf8');
    expect(review).toContain('is missing');
    // Each doubt's picture is a PNG file beside the page, written while the pages were read.
    const pictures = [...review.matchAll(/<img src="(review\/[^"]+\.png)"/g)].map((m) => m[1]!);
    expect(pictures.length).toBeGreaterThan(5);
    for (const picture of pictures)
      expect(
        readFileSync(path.join(root, 'out/scans/scan-quiz', picture))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
  });

  it('applies the teacher’s corrections, and scan then grade gives the scores of the known answers', async () => {
    const file = path.join(root, 'scans/scan-quiz.corrections.yaml');
    let text = readFileSync(file, 'utf8');
    for (const { key } of corrections()) {
      const match = /^(.*#\d+) item (\d+)$/.exec(key);
      let answer = 'blank';
      if (match) {
        const { pupil } = onPage.get(match[1]!)!;
        answer = pupil.items.get(Number(match[2]))!.answer || 'blank';
      }
      text = text.replace(
        `- key: ${JSON.stringify(key)}\n`,
        `- key: ${JSON.stringify(key)}\n    answer: ${answer}\n`,
      );
    }
    // Each entry's own empty "answer:" line goes: a key may appear only once in a YAML entry.
    text = text.replace(
      /( {4}answer: [^\n]+\n)((?: {4}(?:problem|proposed): [^\n]*\n)*) {4}answer:\n/g,
      '$1$2',
    );
    writeFileSync(file, text);
    const second = await runCli(
      [
        'scan',
        '--quiz',
        'scan-quiz',
        'scans/copier.pdf',
        'scans/tray-1.png',
        'scans/tray-2.png',
        'scans/upside-down.jpg',
        'scans/phone.jpg',
      ],
      root,
    );
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);

    const count = pupils[0]!.copy.items.length;
    const missing = new Set(
      sheetLayout(pupils[2]!.copy, { idDigits: 4 }).pages[1]!.rows.map((r) => r.item),
    );
    const known = [
      ['id', 'version', ...Array.from({ length: count }, (_, i) => String(i + 1))],
      ...pupils.map((p) => [
        p.copy.student?.id ?? p.id!,
        p.copy.version,
        ...Array.from({ length: count }, (_, i) =>
          p.name === 'B-0988' && missing.has(i + 1) ? '' : p.items.get(i + 1)!.answer,
        ),
      ]),
    ];
    writeFileSync(path.join(root, 'known.csv'), known.map((r) => r.join(',')).join('\n') + '\n');
    const fromScan = await runCli(
      [
        'grade',
        '--quiz',
        'scan-quiz',
        'out/scans/scan-quiz/responses.csv',
        '--format',
        'html',
        '--out',
        'graded-scan',
        '--quiet',
      ],
      root,
    );
    expect(fromScan.code, fromScan.stderr).toBe(0);
    const fromKnown = await runCli(
      [
        'grade',
        '--quiz',
        'scan-quiz',
        'known.csv',
        '--format',
        'html',
        '--out',
        'graded-known',
        '--quiet',
      ],
      root,
    );
    expect(fromKnown.code, fromKnown.stderr).toBe(0);
    const scores = (dir: string) =>
      readFileSync(path.join(root, dir, 'grades/scan-quiz/scores.csv'), 'utf8')
        .trim()
        .split('\n')
        .sort()
        .join('\n');
    expect(scores('graded-scan')).toBe(scores('graded-known'));
    expect(scores('graded-scan').split('\n')).toHaveLength(7);
  });
});
