/** corpus.lock: a changed or moved paragraph is reported with everything that cites it. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffParagraphs, formatLock, lockOf, parseLock } from '../../src/corpus/lock.js';
import { ProblemList } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { ARTICLE, REPO, SHARED, makeProject, singleQuestion } from '../helpers/project.js';

describe('aligning locked paragraphs with the current ones', () => {
  const h = (s: string) => s.split('');
  it('finds nothing in an unchanged article', () => {
    expect(diffParagraphs(h('abcd'), h('abcd'))).toEqual({
      changed: [],
      inserted: [],
      removed: [],
      moved: [],
    });
  });
  it('pairs an edited paragraph with its old self', () => {
    expect(diffParagraphs(h('abcd'), h('abXd'))).toEqual({
      changed: [{ old: 3, now: 3 }],
      inserted: [],
      removed: [],
      moved: [],
    });
  });
  it('reports an insertion with the numbers that moved', () => {
    expect(diffParagraphs(h('abcd'), h('aXbcd'))).toEqual({
      changed: [],
      inserted: [2],
      removed: [],
      moved: [
        { old: 2, now: 3 },
        { old: 3, now: 4 },
        { old: 4, now: 5 },
      ],
    });
  });
  it('reports a removal and an edit together', () => {
    expect(diffParagraphs(h('abcde'), h('acdY'))).toEqual({
      changed: [{ old: 5, now: 4 }],
      inserted: [],
      removed: [2],
      moved: [
        { old: 3, now: 2 },
        { old: 4, now: 3 },
      ],
    });
  });
});

describe('the lock file', () => {
  it('reads back what it writes, sorted by article', () => {
    const lock = lockOf([
      { id: 'b-story', paragraphs: ['One.', 'Two.'] },
      { id: 'a-story', paragraphs: ['Only   paragraph.'] },
    ]);
    const text = formatLock(lock);
    expect(text.split('\n').filter((l) => !l.startsWith('#') && l)).toEqual([
      expect.stringMatching(/^a-story#p1 [0-9a-f]{16}$/),
      expect.stringMatching(/^b-story#p1 [0-9a-f]{16}$/),
      expect.stringMatching(/^b-story#p2 [0-9a-f]{16}$/),
    ]);
    expect(parseLock(text, 'corpus.lock', new ProblemList())).toEqual(lock);
    // Spacing is folded before hashing: re-wrapping a paragraph changes nothing.
    expect(lockOf([{ id: 'a', paragraphs: ['Only paragraph.'] }]).get('a')).toEqual(
      lock.get('a-story'),
    );
  });

  it('reports a line it cannot read (a merge conflict) on its line', () => {
    const problems = new ProblemList();
    const text = `${formatLock(lockOf([{ id: 'a', paragraphs: ['x', 'y'] }]))}<<<<<<< HEAD\n`;
    expect(parseLock(text, 'corpus.lock', problems)).toBeUndefined();
    expect(problems.items).toEqual([
      expect.objectContaining({ code: 'lock-unreadable', line: text.split('\n').length - 1 }),
    ]);
  });
});

const articleFile = (root: string) => path.join(root, 'corpus', `${ARTICLE}.md`);
const editArticle = (root: string, edit: (text: string) => string) =>
  writeFileSync(articleFile(root), edit(readFileSync(articleFile(root), 'utf8')));

async function lockedProject() {
  const root = makeProject({
    'questions/bank.yaml': `questions:\n${singleQuestion('wants-guarantees')}${singleQuestion(
      'meeting',
    )
      .replace('#p2', '#p4')
      .replace(
        'evidence: still wants guarantees that the system would not be used against Russia',
        'evidence: Lavrov met with NATO foreign ministers in Brussels on April 23',
      )}`,
    'questions/briefings/unit.yaml': `id: unit\ntitle: Unit\noverview: The meeting in Brussels.\nkey_passages:\n  - passage: ${ARTICLE}#p4\n    context: The meeting.\n`,
  });
  const update = await runCli(['lint', '--update-lock'], root);
  expect(update.code).toBe(0);
  expect(update.stderr).toContain('corpus.lock now records 1 article (14 paragraphs)');
  return root;
}

async function lintJson(root: string) {
  const result = await runCli(['lint', '--format', 'json'], root);
  return {
    code: result.code,
    problems: (
      JSON.parse(result.stdout) as { problems: { code: string; line: number; message: string }[] }
    ).problems,
  };
}

describe('lint against the lock', () => {
  it('lists every question and briefing citing a changed paragraph, until the change is accepted', async () => {
    const root = await lockedProject();
    expect((await lintJson(root)).problems).toEqual([]);
    editArticle(root, (t) => t.replace('Lavrov met with NATO', 'Lavrov met NATO'));
    const { code, problems } = await lintJson(root);
    expect(code).toBe(1);
    const changed = problems.find((p) => p.code === 'paragraph-changed')!;
    expect(changed.line).toBe(24); // where ¶4 starts in the article
    expect(changed.message).toContain(
      `${ARTICLE} ¶4 changed since corpus.lock: 1 question cites it: question "meeting" (evidence "Lavrov met with NATO foreign ministers in Brussel…")`,
    );
    expect(changed.message).toContain('briefing "unit" (key passage)');
    expect(changed.message).toContain('handout lint --update-lock');
    // Accepting the new text leaves what it broke: the question's evidence.
    const accepted = await runCli(['lint', '--update-lock', '--format', 'json'], root);
    expect(accepted.code).toBe(1);
    expect(
      (JSON.parse(accepted.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code),
    ).toEqual(['evidence-not-found']);
  });

  it('accepts an edit nothing cites after --update-lock', async () => {
    const root = await lockedProject();
    editArticle(root, (t) => t.replace('Interfax', 'Interfax.'));
    const { problems } = await lintJson(root);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'paragraph-changed',
        message: expect.stringContaining('nothing cites it'),
      }),
    ]);
    expect((await runCli(['lint', '--update-lock'], root)).code).toBe(0);
    expect((await lintJson(root)).problems).toEqual([]);
  });

  it('reports an inserted paragraph as renumbering, with the citations that moved', async () => {
    const root = await lockedProject();
    editArticle(root, (t) =>
      t.replace('\n\nLavrov met with NATO', '\n\nA new paragraph.\n\nLavrov met with NATO'),
    );
    const { problems } = await lintJson(root);
    const moved = problems.find((p) => p.code === 'paragraphs-renumbered')!;
    expect(moved.message).toContain('¶4 is new; ¶4–¶14 are now ¶5–¶15');
    expect(moved.message).toContain(
      '¶4 (now ¶5) by question "meeting", briefing "unit" (key passage)',
    );
    // The evidence check agrees: the quote is now in ¶5.
    expect(problems.map((p) => p.code)).toContain('evidence-not-found');
  });

  it('reports a removed paragraph', async () => {
    const root = await lockedProject();
    editArticle(root, (t) =>
      t.replace(/\n\nThe NATO ministers also discussed the situation[^\n]*/, ''),
    );
    const moved = (await lintJson(root)).problems.find((p) => p.code === 'paragraphs-renumbered')!;
    expect(moved.message).toContain('¶7 of the lock was removed; ¶8–¶14 are now ¶7–¶13');
  });

  it('says how to start a lock in a project without one', async () => {
    const root = makeProject({ 'questions/bank.yaml': `questions:\n${singleQuestion('q')}` });
    const result = await runCli(['lint'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('has no corpus.lock yet; run "handout lint --update-lock"');
  });

  it('refuses to write a lock while an article cannot be read', async () => {
    const root = makeProject({ 'corpus/broken.md': 'no front matter\n' });
    const result = await runCli(['lint', '--update-lock'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('corpus.lock was not updated');
    expect(existsSync(path.join(root, 'corpus.lock'))).toBe(false);
  });
});

describe('commands that write the lock', () => {
  it('handout init starts the project with one', async () => {
    const parent = makeProject({}, { corpus: false });
    expect((await runCli(['init', 'unit'], parent)).code).toBe(0);
    const lock = readFileSync(path.join(parent, 'unit', 'corpus.lock'), 'utf8');
    expect(lock).toMatch(/^russia-wants-guarantees-2011#p1 [0-9a-f]{16}$/m);
  });

  it('handout corpus import records the new article and leaves the others as locked', async () => {
    const root = await lockedProject();
    editArticle(root, (t) => t.replace('Interfax', 'Interfax.'));
    const seed = path.join(SHARED, 'seeds', '003_05cd6d67e97d83d5.txt');
    const imported = await runCli(['corpus', 'import', seed, '--id', 'ryabkov-guarantees'], root);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Recorded its paragraphs in corpus.lock');
    const lock = readFileSync(path.join(root, 'corpus.lock'), 'utf8');
    expect(lock).toMatch(/^ryabkov-guarantees#p1 /m);
    // The unrelated edit is still reported: importing does not accept it.
    const { problems } = await lintJson(root);
    expect(problems.map((p) => p.code)).toContain('paragraph-changed');
  });
});

describe('the bundled project', () => {
  it('commits a lock that matches its corpus', () => {
    expect(existsSync(path.join(REPO, 'corpus.lock'))).toBe(true);
  });
});
