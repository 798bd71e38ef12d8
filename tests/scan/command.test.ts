/** handout scan with hostile input: plain messages naming the file, never a stack trace. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';
import { loadCorrections } from '../../src/scan/corrections.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'handout-scan-cli-'));
  cpSync(path.join(REPO, 'corpus'), path.join(root, 'corpus'), { recursive: true });
  cpSync(path.join(REPO, 'questions'), path.join(root, 'questions'), { recursive: true });
  mkdirSync(path.join(root, 'scans'));
});

const scan = (...files: string[]) =>
  runCli(['scan', '--quiz', 'missile-defense-unit', ...files], root);

describe('handout scan, bad input', () => {
  it('names a scan file that does not exist', async () => {
    const result = await scan('scans/nowhere.pdf');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the scan file scans/nowhere.pdf does not exist');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses files that are not scans, and broken PDFs, by name', async () => {
    writeFileSync(path.join(root, 'scans/notes.txt'), 'not a scan');
    const text = await scan('scans/notes.txt');
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('notes.txt is not a scan handout can read');
    writeFileSync(path.join(root, 'scans/broken.pdf'), '%PDF-1.4\n1 0 obj garbage');
    const pdf = await scan('scans/broken.pdf');
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain('cannot read the PDF broken.pdf');
    expect(pdf.stderr).not.toMatch(/\n\s+at /);
  });

  it('says so when no page is an answer sheet of the quiz, and writes no responses', async () => {
    const photo = await sharp({
      create: { width: 600, height: 800, channels: 3, background: '#d8c8b0' },
    })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><circle cx="300" cy="300" r="120" fill="#333"/><rect x="50" y="600" width="80" height="80" fill="#000"/></svg>',
          ),
        },
      ])
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(root, 'scans/holiday.jpg'), photo);
    const result = await scan('scans/holiday.jpg');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('holiday.jpg: 1 page, 0 sheets read, 1 set aside');
    expect(result.stdout).toContain(
      'set aside: holiday.jpg page 1: not a handout answer sheet (no corner marks)',
    );
    expect(result.stdout).toContain('no answer sheet of quiz missile-defense-unit (seed 2026)');
    const review = readFileSync(
      path.join(root, 'out/scans/missile-defense-unit/review.html'),
      'utf8',
    );
    expect(review).toContain('holiday.jpg, page 1');
    expect(() =>
      readFileSync(path.join(root, 'out/scans/missile-defense-unit/responses.csv')),
    ).toThrow();
  });

  it('points at the line of a corrections file mistake', async () => {
    const file = path.join(root, 'scans/fix.yaml');
    writeFileSync(
      file,
      'corrections:\n  - key: "a.pdf#1 item 3"\n    answer: maybe B?\n  - key: "a.pdf#1 id"\n    answer: 12a\n  - key: "a.pdf#2 id"\n    answer: 004217\n  - key: "a.pdf#1 item 4"\n    answer: ac\n',
    );
    await expect(loadCorrections(file)).rejects.toMatchObject({
      problems: [
        expect.objectContaining({ file, line: 3, code: 'corrections-answer' }),
        expect.objectContaining({ file, line: 5, code: 'corrections-answer' }),
      ],
    });
    writeFileSync(
      file,
      'corrections:\n  - key: "a.pdf#2 id"\n    answer: 004217\n  - key: "a.pdf#1 item 4"\n    answer: ac\n  - key: "a.pdf#1 item 5"\n    answer:\n',
    );
    const read = await loadCorrections(file);
    expect(read.answers).toEqual(
      new Map([
        ['a.pdf#2 id', '004217'],
        ['a.pdf#1 item 4', 'AC'],
      ]),
    );
    expect(read.keys.has('a.pdf#1 item 5')).toBe(true);
  });
});
