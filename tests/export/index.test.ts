import { beforeAll, describe, expect, test } from 'vitest';
import { HandoutError } from '../../src/errors.js';
import {
  exportFormats,
  mergeExports,
  parseExportFormats,
  EXPORT_FORMATS,
} from '../../src/export/index.js';
import { blueprint, loadFixture, type Fixture } from './helpers.js';

let basic: Fixture;
beforeAll(async () => {
  basic = await loadFixture('export-basic');
});

describe('exportFormats', () => {
  test('runs only the formats asked for, and names files by format and quiz', () => {
    const quiz = blueprint(basic, 'unit-quiz');
    expect(
      exportFormats(basic.content, { formats: ['gift', 'moodle'], quiz }).files.map((f) => f.path),
    ).toEqual(['gift/unit-quiz.txt', 'moodle/unit-quiz.xml']);
    expect(
      exportFormats(basic.content, { formats: [...EXPORT_FORMATS] }).files.map((f) => f.path),
    ).toEqual([
      'amc/question-bank.txt',
      'csv/question-bank.csv',
      'gift/question-bank.txt',
      'json/question-bank.json',
      'moodle/question-bank.xml',
      'qti/question-bank.zip',
    ]);
  });

  test('the same content and seed give byte-identical files, zip included', () => {
    const quiz = blueprint(basic, 'unit-quiz');
    const once = exportFormats(basic.content, { formats: [...EXPORT_FORMATS], quiz, seed: 5 });
    const twice = exportFormats(basic.content, { formats: [...EXPORT_FORMATS], quiz, seed: 5 });
    expect(twice.files.map((f) => [f.path, Buffer.from(f.data).toString('base64')])).toEqual(
      once.files.map((f) => [f.path, Buffer.from(f.data).toString('base64')]),
    );
  });

  test('the seed chooses the copies whose keys are exported', () => {
    const quiz = blueprint(basic, 'unit-quiz');
    const keys = (seed: number) =>
      exportFormats(basic.content, { formats: ['csv'], quiz, seed }).files.find((f) =>
        f.path.endsWith('keys.csv'),
      )!.data;
    expect(keys(1)).not.toEqual(keys(2));
    expect(String(keys(1))).toContain(',1,A,');
  });

  test('every warning names its format and questions', () => {
    const { warnings } = exportFormats(basic.content, { formats: [...EXPORT_FORMATS] });
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(EXPORT_FORMATS).toContain(w.format);
      expect(w.ids.length).toBeGreaterThan(0);
      for (const id of w.ids) expect(w.message).toContain(id);
    }
  });
});

describe('parseExportFormats', () => {
  test('accepts lists and "all"', () => {
    expect(parseExportFormats(['gift,moodle', 'qti'])).toEqual(['moodle', 'gift', 'qti']);
    expect(parseExportFormats(['all'])).toEqual([...EXPORT_FORMATS]);
  });

  test('an unknown format is a user error with a suggestion', () => {
    expect(() => parseExportFormats(['moodel'])).toThrow(HandoutError);
    expect(() => parseExportFormats(['moodel'])).toThrow(
      /unknown export format "moodel" \(did you mean "moodle"\?\)/,
    );
  });
});

describe('mergeExports', () => {
  test('refuses two exports that would write the same file', () => {
    const bank = exportFormats(basic.content, { formats: ['gift'] });
    const quiz = exportFormats(basic.content, {
      formats: ['gift'],
      quiz: { ...blueprint(basic, 'unit-quiz'), id: 'question-bank' },
    });
    expect(() => mergeExports([bank, quiz])).toThrow(/gift\/question-bank\.txt/);
    expect(
      mergeExports([
        bank,
        exportFormats(basic.content, { formats: ['gift'], quiz: blueprint(basic, 'unit-quiz') }),
      ]).files,
    ).toHaveLength(2);
  });
});

describe('reproducibility across machines', () => {
  test('the QTI zip does not depend on the time zone', () => {
    const saved = process.env.TZ;
    const zip = (tz: string) => {
      process.env.TZ = tz;
      return Buffer.from(
        exportFormats(basic.content, { formats: ['qti'] }).files[0]!.data,
      ).toString('base64');
    };
    try {
      expect(zip('Pacific/Kiritimati')).toEqual(zip('America/Los_Angeles'));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
