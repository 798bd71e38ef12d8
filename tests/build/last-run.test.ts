/**
 * A folder holds exactly what the last run made: a narrower run (fewer
 * versions, one format, one edition, other keys, fewer export formats)
 * removes the documents of an earlier run it did not make again, and says
 * so, but never a file of the teacher's own or another mode's outputs. The
 * CLI runs in-process into temporary projects; one run prints with the real
 * Chromium, and one is interrupted with Ctrl-C in its own process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../helpers/build.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, singleQuestion } from '../helpers/project.js';
import { files } from './fixture.js';

const questions = Array.from({ length: 6 }, (_, i) => singleQuestion(`q${i + 1}`)).join('');
const blueprint = (versions: number) =>
  `id: unit\ntitle: Unit\nseed: 4\nversions: ${versions}\nsections:\n  - title: S\n    pick: 4\n    from: { types: [single] }\n`;

function project(versions = 3): string {
  return makeProject({
    'questions/bank.yaml': `questions:\n${questions}`,
    'questions/quizzes/unit.yaml': blueprint(versions),
    'questions/briefings/reading.yaml': `id: reading\ntitle: Reading\noverview: What Lavrov said in Brussels.\nfor_quiz: unit\n`,
    'class.csv': 'id,name\ns1,Ana Pérez\ns2,Ivan Sokolov\n',
  });
}

/** Runs handout in `root` and expects it to succeed. */
async function handout(root: string, ...args: string[]): Promise<string> {
  const result = await runCli([...args, '--out', 'out'], root);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** The files of a folder of out/, and their bytes, by path inside it. */
const listing = (root: string, folder: string) => files(path.join(root, 'out', folder));
const names = (root: string, folder: string) => [...listing(root, folder).keys()].sort();

/** Files a teacher keeps in out/ beside handout's: never removed, even with a name close to handout's. */
function teachersFiles(root: string, folder: string, ...names: string[]): void {
  mkdirSync(path.join(root, 'out', folder), { recursive: true });
  for (const name of names) writeFileSync(path.join(root, 'out', folder, name), `mine: ${name}`);
}

describe('a quiz folder after a narrower run', () => {
  let root: string;
  beforeAll(async () => {
    root = project();
    await handout(root, 'quiz', 'unit', '--versions', '3', '--format', 'html');
    await handout(root, 'quiz', 'unit', '--roster', 'class.csv', '--format', 'html');
    teachersFiles(
      root,
      'quizzes/unit',
      'notes.docx',
      'scanned-answers.pdf',
      'version-A-marked.pdf',
    );
  }, 60_000);

  it('holds only the versions the last run made, with the teacher’s files and the class folder untouched', async () => {
    const classFolder = listing(root, 'quizzes/unit/class');
    const stdout = await handout(root, 'quiz', 'unit', '--versions', '2', '--format', 'html');
    expect(names(root, 'quizzes/unit').filter((name) => !name.startsWith('class/'))).toEqual([
      'notes.docx',
      'scanned-answers.pdf',
      'version-A-key.html',
      'version-A-marked.pdf',
      'version-A.html',
      'version-B-key.html',
      'version-B.html',
    ]);
    expect(listing(root, 'quizzes/unit/class')).toEqual(classFolder);
    expect(stdout).toContain(
      'Removed 2 files of an earlier run from out/quizzes/unit/ that this run did not write again: version-C-key.html, version-C.html.\n',
    );
    expect(readFileSync(path.join(root, 'out/manifest.json'), 'utf8')).not.toContain('version-C');
    // The same run again removes nothing and says nothing of it.
    const again = await handout(root, 'quiz', 'unit', '--versions', '2', '--format', 'html');
    expect(again).not.toContain('Removed');
  }, 60_000);

  it('drops the explanations booklet of compact keys when the class run writes full keys, and leaves the versions', async () => {
    const versions = listing(root, 'quizzes/unit');
    expect(names(root, 'quizzes/unit/class')).toContain('explanations.html');
    const stdout = await handout(
      root,
      'quiz',
      'unit',
      '--roster',
      'class.csv',
      '--full-keys',
      '--format',
      'html',
    );
    expect(names(root, 'quizzes/unit/class')).toEqual([
      'copies/s1-key.html',
      'copies/s1.html',
      'copies/s2-key.html',
      'copies/s2.html',
    ]);
    expect(stdout).toContain(
      'Removed 1 file of an earlier run from out/quizzes/unit/class/ that this run did not write again: explanations.html.\n',
    );
    for (const [name, bytes] of versions)
      if (!name.startsWith('class/'))
        expect(listing(root, 'quizzes/unit').get(name)).toEqual(bytes);
  }, 60_000);
});

describe('a briefing folder after a narrower run', () => {
  it('keeps the open-book packs of the versions the quiz still has, and only the editions asked for', async () => {
    const root = project(3);
    await handout(root, 'briefing', '--for-quiz', 'unit', '--format', 'html');
    await handout(root, 'briefing', '--format', 'html');
    teachersFiles(root, 'briefings/reading', 'reading-notes.docx');
    expect(names(root, 'briefings/reading')).toEqual([
      'open-book-unit-A.html',
      'open-book-unit-B.html',
      'open-book-unit-C.html',
      'reading-notes.docx',
      'student.html',
      'teacher.html',
    ]);
    // The quiz now has two versions: version C's pack is of a version that no longer exists.
    writeFileSync(path.join(root, 'questions/quizzes/unit.yaml'), blueprint(2));
    const packs = await handout(root, 'briefing', '--for-quiz', 'unit', '--format', 'html');
    expect(packs).toContain(
      'Removed 1 file of an earlier run from out/briefings/reading/ that this run did not write again: open-book-unit-C.html.\n',
    );
    const editions = await handout(root, 'briefing', '--edition', 'student', '--format', 'html');
    expect(editions).toContain(
      'Removed 1 file of an earlier run from out/briefings/reading/ that this run did not write again: teacher.html.\n',
    );
    expect(names(root, 'briefings/reading')).toEqual([
      'open-book-unit-A.html',
      'open-book-unit-B.html',
      'reading-notes.docx',
      'student.html',
    ]);
  }, 60_000);
});

describe('open-book packs for one version', () => {
  it('rewrites that version’s pack and leaves the other versions’ packs of an earlier run alone', async () => {
    const root = project(3);
    await handout(root, 'briefing', '--for-quiz', 'unit', '--format', 'html');
    const before = listing(root, 'briefings/reading');
    writeFileSync(path.join(root, 'out/briefings/reading/open-book-unit-B.html'), 'edited');
    // After the command's name, --version is the briefing's flag, not handout's version number.
    const stdout = await handout(
      root,
      'briefing',
      '--for-quiz',
      'unit',
      '--version',
      'b',
      '--format',
      'html',
    );
    expect(stdout).toContain('briefings/reading/open-book-unit-B.html');
    expect(stdout).not.toContain('Removed');
    expect(listing(root, 'briefings/reading')).toEqual(before);
  }, 60_000);
});

describe('a build after quizzes were deleted from the project', () => {
  it('removes what the last run made of them, and nothing it did not make or that was changed since', async () => {
    const root = project(2);
    const quiz = (id: string, versions: number, more = '') =>
      writeFileSync(
        path.join(root, `questions/quizzes/${id}.yaml`),
        blueprint(versions).replace('id: unit', `id: ${id}`) + more,
      );
    quiz('old', 2, 'roster: ../../class.csv\n');
    quiz('gone', 1);
    const briefing = path.join(root, 'questions/briefings/reading.yaml');
    const forQuiz = (id: string) =>
      writeFileSync(
        briefing,
        readFileSync(briefing, 'utf8').replace(/for_quiz: .*/, `for_quiz: ${id}`),
      );
    forQuiz('old');
    await handout(root, 'build', '--format', 'html');
    expect(names(root, 'quizzes/old')).toContain('class/copies/s2-key.html');
    // The teacher's: a file of their own, a key they marked up, a copy of a folder kept aside.
    teachersFiles(root, 'quizzes/old', 'notes.docx');
    writeFileSync(path.join(root, 'out/quizzes/old/version-B-key.html'), 'marked up');
    teachersFiles(root, 'quizzes/old-2024', 'version-A.html', 'version-A-key.html');
    const unit = listing(root, 'quizzes/unit');

    rmSync(path.join(root, 'questions/quizzes/old.yaml'));
    rmSync(path.join(root, 'questions/quizzes/gone.yaml'));
    forQuiz('unit');
    const stdout = await handout(root, 'build', '--format', 'html');
    expect(names(root, 'quizzes')).toEqual([
      'old-2024/version-A-key.html',
      'old-2024/version-A.html',
      'old/notes.docx',
      'old/version-B-key.html',
      ...[...unit.keys()].map((name) => `unit/${name}`).sort(),
    ]);
    expect(listing(root, 'quizzes/unit')).toEqual(unit);
    expect(names(root, 'exports').filter((name) => /\/(?:old|gone)/.test(name))).toEqual([]);
    expect(names(root, 'briefings/reading').filter((name) => name.includes('-old-'))).toEqual([]);
    expect(stdout).toContain(
      'Removed out/quizzes/gone/ (2 files of an earlier run): the quiz it was made for is no longer in the project.\n',
    );
    expect(stdout).toContain(
      'Removed out/quizzes/old/class/ (5 files of an earlier run): the quiz it was made for is no longer in the project.\n',
    );
    expect(stdout).toContain(
      'Removed 3 files of an earlier run from out/quizzes/old/ made for a quiz no longer in the project: version-A-key.html, version-A.html, version-B.html.\n',
    );
    expect(stdout).toContain(
      'Removed 4 files of an earlier run from out/exports/csv/ made for a quiz no longer in the project: gone-keys.csv, gone-questions.csv, old-keys.csv, old-questions.csv.\n',
    );
    expect(stdout).not.toContain('did not write again');
  }, 90_000);
});

describe('exports after a narrower run', () => {
  it('keeps only the formats exported last, besides other quizzes’ exports and the teacher’s files', async () => {
    const root = project();
    await handout(root, 'export');
    await handout(root, 'export', '--quiz', 'unit', '--format', 'csv');
    teachersFiles(root, 'exports/gift', 'question-bank-edited.txt');
    const stdout = await handout(root, 'export', '--format', 'moodle');
    expect(names(root, 'exports')).toEqual([
      'csv/unit-keys.csv',
      'csv/unit-questions.csv',
      'gift/question-bank-edited.txt',
      'moodle/question-bank.xml',
    ]);
    expect(stdout).toContain(
      'Removed 1 file of an earlier run from out/exports/csv/ that this run did not write again: question-bank.csv.\n',
    );
    expect(stdout).toContain(
      'Removed 1 file of an earlier run from out/exports/gift/ that this run did not write again: question-bank.txt.\n',
    );
    expect(stdout).toContain(
      'Removed out/exports/qti/ (1 file of an earlier run): this run writes nothing there.\n',
    );
  }, 60_000);
});

describe('an HTML-only build after a printed one', () => {
  it('removes every PDF it printed before, and only those', async () => {
    const root = project(2);
    writeFileSync(
      path.join(root, 'questions/quizzes/unit.yaml'),
      `${blueprint(2)}roster: ../../class.csv\n`,
    );
    await handout(root, 'build');
    teachersFiles(root, 'quizzes/unit', 'scanned-answers.pdf');
    const pdfs = (folder: string) => names(root, folder).filter((name) => name.endsWith('.pdf'));
    expect(pdfs('quizzes')).toEqual([
      'unit/class/class-keys.pdf',
      'unit/class/class-pack.pdf',
      'unit/class/explanations.pdf',
      'unit/scanned-answers.pdf',
      'unit/version-A-key.pdf',
      'unit/version-A.pdf',
      'unit/version-B-key.pdf',
      'unit/version-B.pdf',
    ]);
    expect(pdfs('briefings')).toHaveLength(4);
    const exports = listing(root, 'exports');
    const stdout = await handout(root, 'build', '--format', 'html');
    expect(pdfs('quizzes')).toEqual(['unit/scanned-answers.pdf']);
    expect(pdfs('briefings')).toEqual([]);
    expect(listing(root, 'exports')).toEqual(exports);
    expect(stdout).toContain(
      'Removed 4 files of an earlier run from out/quizzes/unit/ that this run did not write again: version-A-key.pdf, version-A.pdf, version-B-key.pdf, version-B.pdf.\n',
    );
    expect(stdout).toContain(
      'Removed 3 files of an earlier run from out/quizzes/unit/class/ that this run did not write again: class-keys.pdf, class-pack.pdf, explanations.pdf.\n',
    );
    expect(stdout).toContain(
      'Removed 4 files of an earlier run from out/briefings/reading/ that this run did not write again: open-book-unit-A.pdf, open-book-unit-B.pdf, student.pdf, teacher.pdf.\n',
    );
  }, 120_000);
});

describe('a narrower run interrupted with Ctrl-C', () => {
  it('leaves out/ exactly as the earlier run left it', async () => {
    ensureBuilt();
    const root = project();
    writeFileSync(path.join(root, 'questions/quizzes/unit.yaml'), blueprint(12));
    await handout(root, 'quiz', 'unit', '--format', 'html');
    const before = listing(root, '');
    expect(before.has('quizzes/unit/version-L.html')).toBe(true);
    // Fewer versions, PDF only: committed, it would remove 4 versions and every page.
    const child = spawn(
      process.execPath,
      [BIN, 'quiz', 'unit', '--versions', '8', '--format', 'pdf', '--out', 'out'],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/printed 2\//.test(stderr)) resolve();
      });
      void exited.then((code) =>
        reject(new Error(`handout ended (${code}) before printing:\n${stderr}`)),
      );
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const after = listing(root, '');
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(after.get(name), name).toEqual(bytes);
    expect(existsSync(path.join(root, 'out/quizzes/unit/version-A.pdf'))).toBe(false);
  }, 120_000);
});
