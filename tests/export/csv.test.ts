import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CLOZE_PROMPT } from '../../src/bank/question.js';
import { exportFormats } from '../../src/export/index.js';
import { KEY_COLUMNS, QUESTION_COLUMNS } from '../../src/export/csv.js';
import { drawStudentCopy, drawVersions } from '../../src/quiz/draw.js';
import { keyNotation } from '../../src/quiz/key.js';
import type { QuizCopy } from '../../src/quiz/copy.js';
import { blueprint, text, useFixtures } from './helpers.js';

type Row = Record<string, string>;
const read = (csv: string): Row[] => parse(csv, { columns: true, bom: true }) as Row[];
const header = (csv: string): string[] => (parse(csv, { to_line: 1 }) as string[][])[0]!;

const fixtures = useFixtures();

describe('CSV of the bank', () => {
  let csv: string;
  let rows: Row[];
  beforeAll(() => {
    csv = text(
      exportFormats(fixtures.basic.content, { formats: ['csv'] }),
      'csv/question-bank.csv',
    );
    rows = read(csv);
  });

  test('one row per question, with the documented columns', () => {
    expect(header(csv)).toEqual([...QUESTION_COLUMNS]);
    expect(rows.map((r) => r.id).sort()).toEqual(
      fixtures.basic.content.bank.questions.map((q) => q.id).sort(),
    );
  });

  test('answers in readable form for every type', () => {
    const answer = Object.fromEntries(rows.map((r) => [r.id, r.answer]));
    expect(answer).toEqual({
      'caption-officials': 'John Kerry and Sergei Lavrov',
      'fixed-order-choice': 'John Kerry',
      'topics-discussed':
        "The situation in Syria | NATO's planned withdrawal from Afghanistan | Missile defense",
      'guarantees-dropped': 'false',
      'where-he-spoke': 'Brussels | Brussels, Belgium | NATO headquarters in Brussels',
      'withdrawal-year': '2014',
      'interceptor-count': '1 ± 0.5 months',
      'caption-cloze': '1: John Kerry / Kerry | 2: Sergei Lavrov / Lavrov',
      'one-blank-cloze': '1: 2014',
      'who-said-what':
        'Rasmussen → the alliance is extremely concerned | Lavrov → Moscow still wants guarantees | Rasmussen (on Afghanistan) → We will not walk away',
      'order-of-events':
        '1. The Pentagon announces more interceptors in Alaska | 2. Lavrov meets NATO foreign ministers in Brussels | 3. NATO withdraws from Afghanistan',
      'why-guarantees':
        'Russia feared interceptors in Europe could shoot down its strategic missiles. | The U.S. had changed its plans, but gave no legal guarantee.',
    });
  });

  test('passages, citation, evidence, difficulty, tags and points', () => {
    const row = rows.find((r) => r.id === 'topics-discussed')!;
    expect(row.passages).toBe(
      'lavrov-studying-proposals-2013#p7 | lavrov-studying-proposals-2013#p12',
    );
    expect(row.citation).toBe(
      '“Russia Studying U.S. Missile Defense Plans, Still Wants Guarantees,” Radio Free Europe/Radio Liberty, 23 Apr 2013, ¶7, ¶12',
    );
    expect(row.evidence).toBe(
      "The NATO ministers also discussed the situation in Syria | NATO ministers also discussed NATO's planned withdrawal from Afghanistan in 2014.",
    );
    expect([row.difficulty, row.tags, row.points]).toEqual(['2', 'nato-russia | syria', '2']);
    expect(rows.find((r) => r.id === 'caption-cloze')!.prompt).toBe(
      `${DEFAULT_CLOZE_PROMPT} U.S. Secretary of State _____ talks with Russian Foreign Minister _____ in Brussels.`,
    );
  });
});

describe('CSV of a quiz: the answer keys', () => {
  test('one row per copy and item, the key in the §5 notation of that copy', () => {
    const quiz = blueprint(fixtures.basic, 'unit-quiz');
    const copies = drawVersions(fixtures.basic.content.bank.questions, quiz, 99);
    const result = exportFormats(fixtures.basic.content, { formats: ['csv'], quiz, seed: 99 });
    expect(result.files.map((f) => f.path)).toEqual([
      'csv/unit-quiz-keys.csv',
      'csv/unit-quiz-questions.csv',
    ]);
    const csv = text(result, 'csv/unit-quiz-keys.csv');
    expect(header(csv)).toEqual([...KEY_COLUMNS]);
    const rows = read(csv);
    const expected = copies.flatMap((copy) =>
      copy.items.map((item) => [
        copy.label,
        String(item.number),
        item.question.id,
        keyNotation(item.presentation),
      ]),
    );
    expect(rows.map((r) => [r.copy, r.item, r.question_id, r.key])).toEqual(expected);
    expect(new Set(rows.map((r) => r.seed))).toEqual(new Set(['99']));
    expect(rows.every((r) => r.quiz === 'unit-quiz' && r.citation?.includes('¶'))).toBe(true);
    // The two versions differ, so a key that ignored the copy could not pass.
    expect(rows.filter((r) => r.copy === 'A').map((r) => r.question_id)).not.toEqual(
      rows.filter((r) => r.copy === 'B').map((r) => r.question_id),
    );
  });

  test('a student’s personal copy carries the student’s id and name', () => {
    const quiz = blueprint(fixtures.basic, 'unit-quiz');
    const student = { id: 's-042', name: 'Zoë Лавров, "Jr."', extra: [], row: 2 };
    const copies: QuizCopy[] = [
      drawStudentCopy(fixtures.basic.content.bank.questions, quiz, quiz.seed, student),
    ];
    const rows = read(
      text(
        exportFormats(fixtures.basic.content, { formats: ['csv'], quiz, copies }),
        'csv/unit-quiz-keys.csv',
      ),
    );
    expect(rows.length).toBe(copies[0]!.items.length);
    expect(
      new Set(rows.map((r) => [r.copy, r.version, r.student_id, r.student_name].join('|'))),
    ).toEqual(new Set([`s-042|${copies[0]!.version}|s-042|Zoë Лавров, "Jr."`]));
  });
});

describe('CSV escaping', () => {
  let rows: Row[];
  beforeAll(() => {
    rows = read(
      text(exportFormats(fixtures.escaping.content, { formats: ['csv'] }), 'csv/question-bank.csv'),
    );
  });

  test('commas, quotes, braces and non-Latin text read back unchanged', () => {
    const single = rows.find((r) => r.id === 'esc-single')!;
    expect(single.answer).toBe('a ]]> b <script> & c {x} ~ = # : \\ Лавров');
    expect(single.group).toBe('Braces {and} <script> & ]]> in a title: Лавров / 拉夫罗夫');
    expect(rows.find((r) => r.id === 'esc-short')!.prompt).toBe('Who (Лавров) said "{x} ~ = # :"?');
  });

  test('a cell that a spreadsheet would run as a formula starts with an apostrophe', () => {
    expect(rows.find((r) => r.id === 'esc-true-false')!.explanation).toBe(
      "'=1+1 looks like a spreadsheet formula, and so do @SUM and +1.",
    );
  });
});
