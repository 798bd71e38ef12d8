/**
 * A large class's own pages are shared with a second thread
 * (src/produce/class-pages.ts) in the built command line; the tests run the
 * sources, where every page is rendered on one thread. The same class
 * written both ways must be the same files, byte for byte, and a mistake
 * in a template must stop the run with its message whichever thread hit it.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREAD_FROM_STUDENTS } from '../../src/produce/class-pages.js';
import { BIN, ensureBuilt } from '../helpers/build.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/project.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'handout-threads-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The bundled project with a class large enough to be shared, names to escape and fonts to find among them. */
function bigClassProject(): string {
  const dir = mkdtempSync(path.join(scratch, 'project-'));
  for (const part of ['corpus', 'questions', 'corpus.lock'])
    cpSync(path.join(REPO, part), path.join(dir, part), { recursive: true });
  const count = THREAD_FROM_STUDENTS + 20;
  const rows = ['id,name,class'];
  for (let i = 1; i <= count; i++) rows.push(`s${String(i).padStart(3, '0')},Student ${i},10B`);
  // At the back of the roster, where the other thread starts: markup to escape, and scripts whose fonts must be shipped.
  rows[count - 5] = `s${count - 5},"<b>O'Brien & ""Co""</b>",10B`;
  rows[count - 3] = `s${count - 3},李小龙,10B`;
  rows[count - 1] = `s${count - 1},Дмитрий Орлов,10B`;
  writeFileSync(path.join(dir, 'class.csv'), rows.join('\n') + '\n');
  return dir;
}

const args = (out: string) => [
  'quiz',
  'missile-defense-unit',
  '--roster',
  'class.csv',
  '--format',
  'html',
  '--out',
  out,
  '--quiet',
];

function handout(cwd: string, commandArgs: string[]) {
  return spawnSync(process.execPath, [BIN, ...commandArgs], { cwd, encoding: 'utf8' });
}

/** Every file under `dir` by relative path, in sorted order. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) found.set(name, readFileSync(file));
  }
  return found;
}

describe("a large class's pages on two threads", () => {
  beforeAll(ensureBuilt, 180_000);

  it('are the same files, byte for byte, as on one thread', async () => {
    const dir = bigClassProject();
    const shared = handout(dir, args('shared'));
    expect(shared.stderr).toBe('');
    expect(shared.status).toBe(0);
    const alone = await runCli(args('alone'), dir);
    expect(alone.code).toBe(0);
    const one = files(path.join(dir, 'alone'));
    const two = files(path.join(dir, 'shared'));
    expect([...two.keys()]).toEqual([...one.keys()]);
    for (const [name, bytes] of one) expect(two.get(name)!.equals(bytes), name).toBe(true);
    // The pages at the back of the roster (the other thread's first) are there, escaped, and their fonts shipped.
    const copies = path.join(dir, 'shared/quizzes/missile-defense-unit/class/copies');
    const count = THREAD_FROM_STUDENTS + 20;
    const escaped = readFileSync(path.join(copies, `s${count - 5}.html`), 'utf8');
    expect(escaped).toContain('&lt;b&gt;O&#39;Brien &amp; &quot;Co&quot;&lt;/b&gt;');
    expect(escaped).not.toContain('<b>O');
    expect(readFileSync(path.join(copies, `s${count - 3}-key.html`), 'utf8')).toContain('李小龙');
    const fonts = readFileSync(path.join(dir, 'shared/assets/fonts.css'), 'utf8');
    expect(fonts).toMatch(/noto-sans-sc/);
    expect(fonts).toMatch(/cyrillic/);
    // Run again into the same folder: the same files, each unchanged page kept as it was.
    const inodes = readdirSync(copies).map((name) => statSync(path.join(copies, name)).ino);
    expect(handout(dir, args('shared')).status).toBe(0);
    const again = files(path.join(dir, 'shared'));
    expect([...again.keys()]).toEqual([...one.keys()]);
    for (const [name, bytes] of one) expect(again.get(name)!.equals(bytes), name).toBe(true);
    expect(readdirSync(copies).map((name) => statSync(path.join(copies, name)).ino)).toEqual(
      inodes,
    );
  }, 120_000);

  it('stop the run with the template mistake, whichever thread hit it, leaving nothing behind', () => {
    const dir = bigClassProject();
    const broken = readFileSync(path.join(REPO, 'templates/quiz/marking-grid.njk'), 'utf8').replace(
      '{{ copy.version }}</span>',
      '{{ copy.version | no_such_filter }}</span>',
    );
    expect(broken).toContain('no_such_filter');
    mkdirSync(path.join(dir, 'templates/quiz'), { recursive: true });
    writeFileSync(path.join(dir, 'templates/quiz/marking-grid.njk'), broken);
    const result = handout(dir, args('out'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('quiz/marking-grid.njk');
    expect(result.stderr).toContain('no_such_filter');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // The staging folder is gone and nothing was written.
    expect(existsSync(path.join(dir, 'out')) ? readdirSync(path.join(dir, 'out')) : []).toEqual([]);
  }, 120_000);
});
