import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../src/quiz/roster.js';
import { HandoutError } from '../../src/errors.js';

function problems(text: string): { line?: number; message: string }[] {
  try {
    parseRoster('/class/roster.csv', text);
  } catch (error) {
    if (error instanceof HandoutError)
      return error.problems.map((p) => ({
        ...(p.line ? { line: p.line } : {}),
        message: p.message,
      }));
    throw error;
  }
  return [];
}

describe('rosters', () => {
  it('read a BOM, quoted commas, line breaks in quotes and names in any script', () => {
    const students = parseRoster(
      '/class/roster.csv',
      '\uFEFFid,name,class,email\ns01,"Pérez, Ana",9B,ana@example.org\ns02,"Chen\nWei",9B,\ns03,Иван Петров,9B,\ns04,محمد علي,9B,\ns05,李小龙,9B,\n',
    );
    expect(students.map((s) => s.name)).toEqual([
      'Pérez, Ana',
      'Chen Wei',
      'Иван Петров',
      'محمد علي',
      '李小龙',
    ]);
    expect(students[0]!.extra).toEqual([
      ['class', '9B'],
      ['email', 'ana@example.org'],
    ]);
    expect(students.map((s) => s.row)).toEqual([2, 3, 4, 5, 6]);
  });

  it('accept the columns in any order and case', () => {
    expect(parseRoster('/r.csv', 'Name,ID\nAna,1\n')).toEqual([
      { id: '1', name: 'Ana', extra: [], row: 2 },
    ]);
  });

  it('report every bad row by row number, all at once', () => {
    const found = problems('id,name\ns01,Ana\ns01,Bea\n,Carl\ns04\ns05,Eve,extra\n');
    expect(found.map((p) => p.message)).toEqual([
      expect.stringContaining('row 3 repeats the id "s01" of row 2'),
      expect.stringContaining('row 4 has no student id'),
      expect.stringContaining('row 5 has 1 fields but the header has 2'),
      expect.stringContaining('row 6 has 3 fields but the header has 2'),
    ]);
    expect(found.map((p) => p.line)).toEqual([3, 4, 5, 6]);
  });

  it('require the id and name columns', () => {
    expect(problems('student,email\nAna,a@b\n').map((p) => p.message)).toEqual([
      expect.stringContaining('no "id" column'),
      expect.stringContaining('no "name" column'),
    ]);
  });

  it('reject an empty roster and a broken quote', () => {
    expect(problems('id,name\n')[0]!.message).toContain('no students');
    expect(problems('')[0]!.message).toContain('empty');
    expect(problems('id,name\ns01,"Ana\n')[0]!.message).toContain('quote');
  });
});
