/** The fast YAML reader gives the same data and the same positions as the yaml package. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/errors.js';
import { readYaml } from '../../src/util/yaml-fast.js';
import { parseYaml, type YamlPath } from '../../src/util/yaml-source.js';
import { REPO } from '../helpers/project.js';

/** Every path to a mapping, list or value in the data. */
function paths(data: unknown, at: YamlPath = []): YamlPath[] {
  if (data === null || typeof data !== 'object') return [at];
  return [
    at,
    ...Object.entries(data).flatMap(([k, v]) =>
      paths(v, [...at, Array.isArray(data) ? Number(k) : k]),
    ),
  ];
}

describe('reading YAML fast', () => {
  const bank = readdirSync(path.join(REPO, 'questions')).filter((f) => f.endsWith('.yaml'));

  it.each(bank)('reads %s exactly as the yaml package does, positions included', (name) => {
    const file = path.join(REPO, 'questions', name);
    const text = readFileSync(file, 'utf8');
    const fast = readYaml(file, text, new ProblemList())!;
    const full = parseYaml(file, text, new ProblemList())!;
    expect(fast.toJS()).toEqual(full.toJS());
    for (const p of paths(full.toJS())) {
      expect(fast.locate(p), p.join('.')).toEqual(full.locate(p));
      if (p.length > 0) expect(fast.locateKey(p), p.join('.')).toEqual(full.locateKey(p));
    }
  });

  it('reports syntax errors as the yaml package does', () => {
    const text = 'questions:\n  - id: a\n    prompt: "unclosed\n';
    const fast = new ProblemList();
    const full = new ProblemList();
    expect(readYaml('bank.yaml', text, fast)).toBeUndefined();
    parseYaml('bank.yaml', text, full);
    expect(fast.items).toEqual(full.items);
    expect(fast.items.length).toBeGreaterThan(0);
  });

  it('reports a field written twice', () => {
    const problems = new ProblemList();
    expect(readYaml('bank.yaml', 'id: a\nid: b\n', problems)).toBeUndefined();
    expect(problems.items).toEqual([expect.objectContaining({ code: 'yaml-syntax', line: 2 })]);
  });

  it('leaves aliases to the yaml package, which limits how far they expand', () => {
    const lol = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lol.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    const problems = new ProblemList();
    const doc = readYaml('bomb.yaml', lol.join('\n') + '\n', problems);
    expect(() => doc?.toJS()).toThrow(/alias/i);
  });

  it('reads dates and yes/no as text, as YAML 1.2 does', () => {
    const doc = readYaml(
      'x.yaml',
      'published: 2013-04-23\nanswer: yes\nn: 012\n',
      new ProblemList(),
    )!;
    expect(doc.toJS()).toEqual({ published: '2013-04-23', answer: 'yes', n: 12 });
  });
});
