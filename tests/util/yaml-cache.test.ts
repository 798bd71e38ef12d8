/**
 * The bank's YAML as read by earlier runs (src/util/yaml-cache.ts): a file
 * read from the cache must give the same data and the same positions in
 * messages as one read afresh, and an edited file must never be served
 * from the cache, whatever its size or date.
 */
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/errors.js';
import { readYaml } from '../../src/util/yaml-fast.js';
import { MAX_ENTRIES, YamlCache } from '../../src/util/yaml-cache.js';
import { loadContent } from '../../src/content.js';
import { projectAt } from '../../src/project.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, singleQuestion } from '../helpers/project.js';

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'yaml-cache-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

const BANK = `# a bank
defaults:
  difficulty: 2
questions:
  - id: q1
    prompt: "First: a question"
    options: [one, two, {nested: [1, 2.5, true, null]}]
  - id: q2
    prompt: >
      Folded
      text
    "__proto__": kept as a key
    tags: []
`;

/** The positions readYaml gives for every mapping and list in its data, and a few keys. */
function positions(file: string, text: string, cache?: YamlCache) {
  const source = readYaml(file, text, new ProblemList(), 0, cache)!;
  const paths: (string | number)[][] = [
    [],
    ['defaults'],
    ['questions'],
    ['questions', 0],
    ['questions', 0, 'options'],
    ['questions', 0, 'options', 2],
    ['questions', 0, 'options', 2, 'nested'],
    ['questions', 1],
    ['questions', 1, 'tags'],
    ['questions', 1, 'prompt'],
  ];
  return {
    data: source.toJS(),
    at: paths.map((p) => source.locate(p)),
    keys: [['questions', 1, 'prompt'] as const].map((p) => source.locateKey(p)),
  };
}

async function openCache(): Promise<YamlCache> {
  const cache = await YamlCache.open('test', temp);
  if (!cache) throw new Error('no cache folder');
  return cache;
}

describe('the YAML cache', () => {
  it('gives back the data and the positions of a fresh reading', async () => {
    const file = path.join(temp, 'bank.yaml');
    const fresh = positions(file, BANK);
    const first = await openCache();
    expect(positions(file, BANK, first)).toEqual(fresh);
    await first.save();
    const second = await openCache();
    // Served from the cache this time.
    expect(second.get(file, BANK)).toBeDefined();
    const cached = positions(file, BANK, second);
    expect(cached).toEqual(fresh);
    expect(Object.hasOwn((cached.data as { questions: object[] }).questions[1]!, '__proto__')).toBe(
      true,
    );
  });

  it('reads an edited file again, even with the same size and date', async () => {
    const file = path.join(temp, 'bank.yaml');
    writeFileSync(file, BANK);
    const cache = await openCache();
    positions(file, readFileSync(file, 'utf8'), cache);
    await cache.save();
    const { mtime } = statSync(file);
    const edited = BANK.replace('First: a question', 'Other: a question');
    writeFileSync(file, edited);
    utimesSync(file, mtime, mtime);
    const again = await openCache();
    expect(again.get(file, edited)).toBeUndefined();
    const read = positions(file, readFileSync(file, 'utf8'), again);
    expect(read).toEqual(positions(file, edited));
    expect(JSON.stringify(read.data)).toContain('Other: a question');
  });

  it('never keeps numbers JSON would change, and survives a damaged entry', async () => {
    const file = path.join(temp, 'odd.yaml');
    const odd = 'values: [.inf, -.inf, .nan, -0.0, 1]\n';
    const cache = await openCache();
    readYaml(file, odd, new ProblemList(), 0, cache);
    const good = path.join(temp, 'good.yaml');
    readYaml(good, BANK, new ProblemList(), 0, cache);
    await cache.save();
    const again = await openCache();
    expect(again.get(file, odd)).toBeUndefined();
    const values = (
      readYaml(file, odd, new ProblemList(), 0, again)!.toJS() as { values: number[] }
    ).values;
    expect(values.slice(0, 2)).toEqual([Infinity, -Infinity]);
    expect(Number.isNaN(values[2])).toBe(true);
    expect(Object.is(values[3], -0)).toBe(true);
    // A cut-off entry (a full disk, say) is only a file read again.
    const folder = path.join(temp, `handout-cache-${process.getuid?.() ?? 'user'}`);
    for (const entry of readdirSync(folder)) writeFileSync(path.join(folder, entry), '{"key":"');
    expect(again.get(good, BANK)).toBeUndefined();
    expect(readYaml(good, BANK, new ProblemList(), 0, again)!.toJS()).toEqual(
      positions(good, BANK).data,
    );
  });

  it('keeps at most MAX_ENTRIES entries, dropping those written longest ago', async () => {
    const folder = path.join(temp, `handout-cache-${process.getuid?.() ?? 'user'}`);
    const cache = await openCache();
    const old = new Date('2020-01-01T00:00:00Z');
    const oldest = path.join(folder, `${'0'.repeat(40)}.json`);
    for (let i = 0; i < MAX_ENTRIES; i++) {
      const entry = path.join(folder, `${'b'.repeat(32)}${i.toString(16).padStart(8, '0')}.json`);
      writeFileSync(entry, '{}');
      utimesSync(entry, old, new Date(old.getTime() + (i + 1) * 1000));
    }
    writeFileSync(oldest, '{}');
    utimesSync(oldest, old, old);
    const file = path.join(temp, 'bank.yaml');
    readYaml(file, BANK, new ProblemList(), 0, cache);
    await cache.save();
    const left = readdirSync(folder);
    expect(left).toHaveLength(MAX_ENTRIES);
    expect(left).not.toContain(path.basename(oldest));
    expect((await openCache()).get(file, BANK)).toBeDefined();
  });

  it('is not used where its folder is a link or not this user’s', async () => {
    const elsewhere = path.join(temp, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(temp, `handout-cache-${process.getuid?.() ?? 'user'}`));
    expect(await YamlCache.open('test', temp)).toBeUndefined();
  });

  it('keeps the file and line of every problem in a bank read from it', async () => {
    const root = makeProject({
      'questions/bank.yaml': `questions:\n${singleQuestion('q-ok')}  - id: q-bad\n    type: single\n    passages: nowhere#p1\n    prompt: Where?\n    answer: Here\n    distractors: [There]\n    unknown_field: 1\n`,
    });
    const problems = async (cache: YamlCache) => {
      const list = new ProblemList();
      await loadContent(projectAt(root), list, { yamlCache: cache });
      await cache.save();
      return list.items.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`);
    };
    const first = await problems(await openCache());
    expect(first.length).toBeGreaterThan(0);
    expect(first.some((p) => /bank\.yaml:\d+:\d+ /.test(p))).toBe(true);
    const second = await openCache();
    expect(
      second.get(
        path.join(root, 'questions/bank.yaml'),
        readFileSync(path.join(root, 'questions/bank.yaml'), 'utf8'),
      ),
    ).toBeDefined();
    expect(await problems(second)).toEqual(first);
  });
});

describe('a command run after the bank was edited', () => {
  it('prints the edited question, not the one an earlier run read', async () => {
    const root = makeProject({
      'questions/bank.yaml': `questions:\n${singleQuestion('q1')}`,
      'questions/quizzes/unit.yaml':
        'id: unit\ntitle: Unit\nsections:\n  - title: All\n    pick: 1\n    from: { types: [single] }\n',
    });
    const copy = () => readFileSync(path.join(root, 'out/quizzes/unit/version-A.html'), 'utf8');
    const run = () => runCli(['quiz', 'unit', '--format', 'html', '--quiet'], root);
    expect((await run()).code).toBe(0);
    expect(copy()).toContain('What did Moscow still want?');
    const bank = path.join(root, 'questions/bank.yaml');
    const { mtime } = statSync(bank);
    // The same length and date: only the text tells the edit apart.
    writeFileSync(
      bank,
      readFileSync(bank, 'utf8').replace(
        'What did Moscow still want?',
        'What did Moscow still seek?',
      ),
    );
    utimesSync(bank, mtime, mtime);
    expect((await run()).code).toBe(0);
    expect(copy()).toContain('What did Moscow still seek?');
    expect(copy()).not.toContain('still want?');
  });
});
