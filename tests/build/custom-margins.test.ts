/**
 * A project's own layout with other page margins: in a class pack, whose
 * "Page x of y" is written on after printing, the numbers must sit where
 * Chromium puts them on a copy printed alone, in the layout's bottom-right
 * margin box, not where the built-in layout's margins would put them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';
import { textPositions } from '../pdf/pdf-reading.js';
import { quizProject } from './fixture.js';

let root: string;
const LABEL = /^Page \d+ of \d+$/;

beforeAll(async () => {
  root = quizProject();
  const layout = readFileSync(path.join(REPO, 'templates/layout.njk'), 'utf8');
  const margins = 'margin: 17mm 16mm 18mm 16mm;';
  expect(layout).toContain(margins);
  mkdirSync(path.join(root, 'templates'));
  // Wider on the right, taller at the bottom; values that do not fall on whole pixels.
  writeFileSync(
    path.join(root, 'templates/layout.njk'),
    layout.replace(margins, 'margin: 15mm 31mm 27mm 14mm;'),
  );
  writeFileSync(path.join(root, 'two.csv'), 'id,name\nm1,Ana Pérez\nm2,Tom Okafor\n');
  for (const args of [
    ['quiz', 'small-quiz', '--versions', '1', '--format', 'pdf', '--out', 'alone'],
    ['quiz', 'small-quiz', '--roster', 'two.csv', '--format', 'pdf', '--out', 'pack'],
  ]) {
    // (The fixture's remote image gives a warning, nothing else.)
    const result = await runCli([...args, '--quiet'], root);
    expect(result.code, result.stderr).toBe(0);
  }
}, 240_000);

describe('page numbers of a pack printed with a custom layout', () => {
  it('sit where Chromium puts the margin box of a copy printed alone', async () => {
    const read = (file: string) => new Uint8Array(readFileSync(path.join(root, file)));
    const alone = await textPositions(read('alone/quizzes/small-quiz/version-A.pdf'), LABEL);
    const packed = await textPositions(read('pack/quizzes/small-quiz/two/class-pack.pdf'), LABEL);
    expect(alone.length).toBeGreaterThan(0);
    expect(packed.length).toBeGreaterThan(alone.length);
    const [reference] = alone;
    // 31 mm is 88 pt, 27 mm about 76.5 pt: far from the built-in layout's 45 and 22.5.
    expect(reference!.pageWidth - reference!.right).toBeGreaterThan(80);
    for (const label of packed) {
      expect(label.pageWidth - label.right, label.text).toBeCloseTo(
        reference!.pageWidth - reference!.right,
        0,
      );
      expect(label.baseline, label.text).toBeCloseTo(reference!.baseline, 0);
    }
  });
});
