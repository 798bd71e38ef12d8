/**
 * The repository's own bundled bank and quizzes, exported in every format
 * and read back: real text that the fixtures may not think of.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import { parse as parseGift } from 'gift-pegjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { requireContent, type Content } from '../../src/content.js';
import { ProblemList } from '../../src/errors.js';
import { EXPORT_FORMATS, exportFormats, mergeExports } from '../../src/export/index.js';
import type { ExportResult } from '../../src/export/types.js';
import { projectAt } from '../../src/project.js';
import { loadBlueprints, type Blueprint } from '../../src/quiz/blueprint.js';
import { readAmc } from './amc-reader.js';
import { readMoodleCloze } from './moodle-cloze.js';
import { parseXml, unzip } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const xsd = path.resolve(root, '..', 'shared', 'qti12-xsd');

let content: Content;
let blueprints: Blueprint[];
let results: ExportResult[];
beforeAll(async () => {
  const project = projectAt(root);
  ({ content } = await requireContent(project));
  blueprints = await loadBlueprints(project.quizzesDir, new ProblemList());
  results = [
    exportFormats(content, { formats: [...EXPORT_FORMATS] }),
    ...blueprints.map((quiz) => exportFormats(content, { formats: [...EXPORT_FORMATS], quiz })),
  ];
});

const textFiles = (suffix: string) =>
  results
    .flatMap((r) => r.files)
    .filter((f) => f.path.endsWith(suffix) && typeof f.data === 'string');

describe('exports of the bundled bank and quizzes', () => {
  test('the bank and every quiz export without clashing file names', () => {
    expect(blueprints.length).toBeGreaterThan(0);
    expect(mergeExports(results).files.length).toBe(results.length * 6 + blueprints.length * 1);
  });

  test('GIFT parses', () => {
    for (const file of textFiles('.txt').filter((f) => f.path.startsWith('gift/'))) {
      expect(() => parseGift(file.data as string), file.path).not.toThrow();
    }
  });

  test('Moodle XML is well-formed, multiple-answer grades add up, every cloze blank is read', () => {
    for (const file of textFiles('.xml')) {
      const xml = file.data as string;
      expect(XMLValidator.validate(xml), file.path).toBe(true);
      const questions =
        ((parseXml(xml, ['question', 'answer']).quiz as Record<string, unknown>).question as Record<
          string,
          unknown
        >[]) ?? [];
      for (const q of questions) {
        const id = q.idnumber as string;
        if (q['@_type'] === 'multianswer') {
          const bank = content.bank.byId.get(id)!;
          const blanks = bank.type === 'cloze' ? (bank.text.match(/\[\[/g) ?? []).length : -1;
          expect(
            readMoodleCloze(((q.questiontext as Record<string, unknown>).text as string).trim())
              .blanks,
            id,
          ).toHaveLength(blanks);
        }
        if (q['@_type'] === 'multichoice' && q.single === 'false') {
          const positive = (q.answer as Record<string, unknown>[])
            .map((a) => Number(a['@_fraction']))
            .filter((f) => f > 0);
          expect(Math.round(positive.reduce((a, b) => a + b, 0)), id).toBe(100);
        }
      }
    }
  });

  test('QTI assessments validate against the IMS QTI ASI 1.2 schema', async () => {
    const schema = {
      fileName: 'domainProfile_4/ims_qtiasiv1p2.xsd',
      contents: readFileSync(path.join(xsd, 'domainProfile_4/ims_qtiasiv1p2.xsd'), 'utf8'),
    };
    const preload = {
      fileName: 'xml.xsd',
      contents: readFileSync(path.join(xsd, 'xml.xsd'), 'utf8'),
    };
    for (const result of results) {
      const zipPath = result.files.find((f) => f.path.startsWith('qti/'))!.path;
      const name = path.basename(zipPath, '.zip');
      const xml = unzip(result, zipPath)[`${name}/${name}.xml`]!;
      const { errors } = await validateXML({
        xml: [{ fileName: `${name}.xml`, contents: xml }],
        schema: [schema],
        preload: [preload],
      });
      expect(
        errors.map((e) => e.rawMessage),
        name,
      ).toEqual([]);
    }
  });

  test('AMC reads every AMC-TXT file without errors', () => {
    for (const file of textFiles('.txt').filter((f) => f.path.startsWith('amc/'))) {
      expect(readAmc(file.data as string).errors, file.path).toEqual([]);
    }
  });

  test('CSV has one row per question', () => {
    const bankCsv = textFiles('.csv').find((f) => f.path === 'csv/question-bank.csv')!;
    expect((parseCsv(bankCsv.data as string, { columns: true }) as unknown[]).length).toBe(
      content.bank.questions.length,
    );
  });
});
