/**
 * The sample shipped in the repository grades cleanly against the bundled
 * quiz. If this fails after the bank or the blueprint changed, regenerate
 * the sample: npm run build && node scripts/make-sample-responses.mjs
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { gradeCommand } from '../../src/commands/grade.js';
import { memoryIo } from '../helpers/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(ROOT, 'questions/responses/missile-defense-unit.csv');

let out: string;
beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'handout-grade-sample-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

test('handout grade on the shipped sample writes scores and the report', async () => {
  const io = memoryIo(ROOT);
  expect(
    await gradeCommand(SAMPLE, { quiz: 'missile-defense-unit', out, format: 'html' }, io),
  ).toBe(0);
  // Every row is valid: no problem was printed before the summary.
  expect(io.err.join('')).toMatch(/^grade: 21 students, /);
  const scores = (await readFile(path.join(out, 'grades/missile-defense-unit/scores.csv'), 'utf8'))
    .trimEnd()
    .split('\n');
  // The bundled quiz has a roster: names are given, personal copies by their code.
  expect(scores[0]).toBe(
    `id,name,version,${Array.from({ length: 20 }, (_, i) => i + 1).join(',')},total,percent`,
  );
  expect(scores).toHaveLength(22);
  expect(scores[1]).toMatch(/^s01,"García, Lucía",[A-Z0-9]{4},/);
  expect(scores[3]).toMatch(/^s03,Amara Okafor,A,/);
  const html = await readFile(path.join(out, 'grades/missile-defense-unit/report.html'), 'utf8');
  expect(html).toContain('Grade report: Missile Defense Diplomacy, 2010-2013');
  expect(html).toContain('responses <code>questions/responses/missile-defense-unit.csv</code>');
  expect(html).toContain(
    '<strong>No responses</strong> from 1 student on the roster: Marta Novák (s22).',
  );
  // The sample is built to give the report something to show.
  expect(html).toMatch(/class="reteach"/);
  expect(html).toMatch(/distractor beats key/);
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
    command: string;
  };
  expect(manifest.command).toBe(
    'handout grade --quiz missile-defense-unit --format html questions/responses/missile-defense-unit.csv',
  );
});
