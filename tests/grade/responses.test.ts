/** Checking a responses file: every problem at once, by row and column; whole-file problems stop at once. */
import { describe, expect, test } from 'vitest';
import { HandoutError, type Problem } from '../../src/errors.js';
import { readResponses } from '../../src/grade/responses.js';
import { fixtureCopies, responsesCsv, rightAnswer, rowFor, type RowSpec } from './helpers.js';

const FILE = '/virtual/responses.csv';

function where(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.line}:${p.column ?? '-'} ${p.code}`);
}

function thrown(fn: () => unknown): HandoutError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HandoutError) return error;
    throw error;
  }
  throw new Error('expected a HandoutError');
}

describe('a responses file with several bad rows (grade-five, versions A and B)', async () => {
  const copies = await fixtureCopies('grade-five');
  const A = copies.byVersion.get('A')!;
  const B = copies.byVersion.get('B')!;
  const good = (id: string, copy = A): RowSpec => rowFor(id, copy, () => true);
  const singleOnA = A.items.findIndex((i) => i.question.id === 'g-caption'); // 4 options, A–D
  const withCell = (row: RowSpec, index: number, value: string): RowSpec => ({
    ...row,
    cells: row.cells.map((c, i) => (i === index ? value : c)),
  });
  const rows: RowSpec[] = [
    good('s1'), // line 2: fine
    { ...good('s2'), version: 'C' }, // line 3: unknown version
    withCell(good('s3'), singleOnA, 'E'), // line 4: letter out of range
    { ...good('s4', B), cells: good('s4', B).cells.slice(0, 4) }, // line 5: a column short
    good('s1', B), // line 6: s1 again
    good('', B), // line 7: no id
    good('s7', B), // line 8: fine
  ];
  const read = readResponses(FILE, responsesCsv(rows), copies);

  test('every problem is reported, each with its line (= row) and column', () => {
    expect(where(read.problems.sorted())).toEqual([
      '3:2 responses-unknown-version',
      `4:${singleOnA + 3} responses-answer`,
      '5:7 responses-columns',
      '6:1 responses-duplicate',
      '7:1 responses-no-id',
    ]);
  });

  test('messages name the row, the column and what to write', () => {
    const [version, letter, columns, duplicate, noId] = read.problems
      .sorted()
      .map((p) => p.message);
    expect(version).toBe(
      'row 3, column 2 (version): there is no version "C"; this quiz has versions A, B (if you printed more versions with --versions, give the same number here)',
    );
    expect(letter).toBe(
      `row 4, column ${singleOnA + 3} (item ${singleOnA + 1}): "E" is not an option: this item has options A–D (single choice, question "g-caption" on version A)`,
    );
    expect(columns).toMatch(
      /^row 5, column 7 \(item 5\): the row has 6 columns but the header has 7/,
    );
    expect(duplicate).toBe(
      'row 6, column 1 (id): "s1" already has a row (row 2); keep one row per copy',
    );
    expect(noId).toMatch(/^row 7, column 1 \(id\): the id is empty/);
  });

  test('good rows are kept, bad ones set apart', () => {
    expect(read.sheets.map((s) => [s.row, s.id, s.copy.version])).toEqual([
      [2, 's1', 'A'],
      [8, 's7', 'B'],
    ]);
    expect(read.rejected.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('matching rows to copies', () => {
  test('anonymous copies: the version letter as id, repeated, version column optional', async () => {
    const copies = await fixtureCopies('grade-five');
    const A = copies.byVersion.get('A')!;
    const rows = [
      rowFor('A', A, () => true),
      { ...rowFor('A', A, () => false), version: '' },
      { ...rowFor('b', copies.byVersion.get('B')!, () => true), version: 'b' },
    ];
    const read = readResponses(FILE, responsesCsv(rows), copies);
    expect(read.problems.items).toEqual([]);
    expect(read.sheets.map((s) => s.copy.version)).toEqual(['A', 'A', 'B']);
  });

  test('an id that is one version letter with another version is a mismatch', async () => {
    const copies = await fixtureCopies('grade-five');
    const read = readResponses(
      FILE,
      responsesCsv([{ ...rowFor('A', copies.byVersion.get('B')!, () => true) }]),
      copies,
    );
    expect(where(read.problems.items)).toEqual(['2:1 responses-version-mismatch']);
  });

  describe('with a roster', async () => {
    const copies = await fixtureCopies('grade-roster');
    const roster = copies.roster!;
    const personal = (id: string) => roster.byStudent.get(id)!;

    test('personal copies by student id and copy code; roster students may also sit a version', () => {
      const rows = [
        rowFor('s01', personal('s01'), () => true),
        {
          ...rowFor('s02', personal('s02'), () => true),
          version: personal('s02').version.toLowerCase(),
        },
        rowFor('s03', copies.byVersion.get('B')!, () => true),
      ];
      const read = readResponses(FILE, responsesCsv(rows), copies);
      expect(read.problems.items).toEqual([]);
      expect(read.sheets.map((s) => [s.id, s.copy.label, s.student?.name])).toEqual([
        ['s01', 's01', 'Ana Pérez'],
        ['s02', 's02', 'Lee, Min-jun'],
        ['s03', 'B', 'Олег Петров'],
      ]);
    });

    test("unknown students, and a code that is another student's", () => {
      const rows = [
        rowFor('s09', personal('s02'), () => true),
        { ...rowFor('s01', personal('s01'), () => true), version: personal('s03').version },
      ];
      const read = readResponses(FILE, responsesCsv(rows), copies);
      const messages = read.problems.sorted().map((p) => p.message);
      expect(messages[0]).toBe(
        `row 2, column 1 (id): there is no student "s09" on the roster; the copy code ${personal('s02').version} belongs to Lee, Min-jun (id s02)`,
      );
      expect(messages[1]).toMatch(
        new RegExp(
          `^row 3, column 2 \\(version\\): the copy code "${personal('s03').version}", which is the code of Олег Петров's copy \\(id s03\\), is neither a version letter \\(A, B\\) nor the code of Ana Pérez's copy`,
        ),
      );
    });

    test('when no code matches, a warning asks about the seed', () => {
      const rows = roster.students.map((s) => ({
        ...rowFor(s.id, personal(s.id), () => true),
        version: 'ZZZZ',
      }));
      const read = readResponses(FILE, responsesCsv(rows), copies);
      expect(read.problems.warnings.map((p) => p.code)).toEqual(['responses-seed']);
      expect(read.problems.errors).toHaveLength(3);
    });

    test('the answers of a personal copy are read against that copy', () => {
      const copy = personal('s01');
      const cells = copy.items.map(rightAnswer);
      const read = readResponses(
        FILE,
        responsesCsv([{ id: 's01', version: copy.version, cells }]),
        copies,
      );
      expect(read.sheets[0]!.answers.every((a) => a !== null)).toBe(true);
    });
  });
});

describe('problems with the whole file stop at once', async () => {
  const copies = await fixtureCopies('grade-five');
  test('no header', () => {
    const error = thrown(() => readResponses(FILE, 's1,A,A,T,x,2014,B\n', copies));
    expect(error.problems.map((p) => p.message)).toEqual([
      'the header starts with "s1,A"; the first row must be the header "id,version,1,2,3,4,5" (id, version, then one column per item in the order printed on the copies)',
    ]);
  });

  test('a header with the wrong number of items', () => {
    const error = thrown(() => readResponses(FILE, 'id,version,1,2,3\ns1,A,A,T,x\n', copies));
    expect(where(error.problems)).toEqual(['1:6 responses-header']);
    expect(error.problems[0]!.message).toMatch(
      /the header has 5 columns, but this quiz has 5 items, so it needs 7/,
    );
  });

  test('item columns out of order, "Q1" style accepted', () => {
    const error = thrown(() => readResponses(FILE, 'ID,Version,Q1,Q2,Q3,5,4\n', copies));
    expect(where(error.problems)).toEqual(['1:6 responses-header', '1:7 responses-header']);
  });

  test('not CSV', () => {
    const error = thrown(() =>
      readResponses(FILE, 'id,version,1,2,3,4,5\ns1,A,"B,T,x,2014,B\n', copies),
    );
    expect(error.problems.map((p) => p.code)).toEqual(['responses-csv']);
  });

  test('a header and no rows (bare commas do not count)', () => {
    const error = thrown(() => readResponses(FILE, 'id,version,1,2,3,4,5\n,,,,,,\n', copies));
    expect(error.problems.map((p) => p.code)).toEqual(['responses-empty']);
  });
});

test('rows are numbered by the line they start on: blank lines and quoted line breaks count', async () => {
  const copies = await fixtureCopies('grade-five');
  const A = copies.byVersion.get('A')!;
  const short = A.items.findIndex((i) => i.question.id === 'g-where-reporters');
  const cells = A.items.map(rightAnswer).map((c, i) => (i === short ? 'NATO\nheadquarters' : c));
  const text =
    responsesCsv([{ id: 's1', version: 'A', cells }]) +
    '\n' +
    responsesCsv([{ id: 's2', version: 'Q', cells: A.items.map(rightAnswer) }])
      .split('\n')
      .slice(1)
      .join('\n');
  const read = readResponses(FILE, text, copies);
  // Line 1 header, lines 2–3 s1 (a line break inside quotes), line 4 blank, line 5 s2.
  expect(where(read.problems.items)).toEqual(['5:2 responses-unknown-version']);
  expect(read.sheets.map((s) => s.row)).toEqual([2]);
});

test('spreadsheet exports: byte-order mark, CRLF line ends, semicolons or tabs', async () => {
  const copies = await fixtureCopies('grade-five');
  const A = copies.byVersion.get('A')!;
  const comma = responsesCsv([
    rowFor('s1', A, () => true),
    { ...rowFor('s2', A, () => true), version: 'X' },
  ]);
  for (const delimiter of [',', ';', '\t']) {
    const text = '\uFEFF' + comma.replaceAll(',', delimiter).replaceAll('\n', '\r\n');
    const read = readResponses(FILE, text, copies);
    expect(read.sheets.map((s) => s.id)).toEqual(['s1']);
    expect(where(read.problems.items)).toEqual(['3:2 responses-unknown-version']);
  }
});
