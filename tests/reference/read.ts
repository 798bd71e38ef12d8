/**
 * Runs one part of the reference loader (people, terms or events) on a YAML
 * text, against the bundled corpus, the way loadReference does: the file is
 * read and checked against the schema first, then handed to the part.
 */
import path from 'node:path';
import { expect } from 'vitest';
import type { Corpus } from '../../src/corpus/article.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { ProblemList, type Problem } from '../../src/errors.js';
import { ReferenceChecker, noIdsSeen, type SeenIds } from '../../src/reference/checker.js';
import { ReferenceFileSchema, type ReferenceFileInput } from '../../src/reference/schema.js';
import { validateWith } from '../../src/util/schema-check.js';
import { readYaml } from '../../src/util/yaml-fast.js';
import { REPO } from '../helpers/project.js';

let corpus: Promise<Corpus> | undefined;

/** The five bundled articles: the realistic corpus the bundled reference files are checked against. */
export function bundledCorpus(): Promise<Corpus> {
  corpus ??= (async () => {
    const problems = new ProblemList();
    const loaded = await loadCorpus(path.join(REPO, 'corpus'), problems);
    expect(problems.items).toEqual([]);
    return loaded;
  })();
  return corpus;
}

export interface Read<T> {
  items: T[];
  /** What a teacher would see: "file:line: code: message", in reading order. */
  problems: string[];
  raw: Problem[];
}

/**
 * `read` applied to `yaml` as the file `questions/reference/<name>`; `seen`
 * stands for the ids of reference files read before this one.
 */
export async function readPart<T>(
  name: string,
  yaml: string,
  read: (data: ReferenceFileInput, check: ReferenceChecker, seen: SeenIds) => T[],
  seen: SeenIds = noIdsSeen(),
): Promise<Read<T>> {
  const problems = new ProblemList();
  const file = `questions/reference/${name}`;
  const source = readYaml(file, yaml, problems);
  expect(source, 'the test YAML must parse').toBeDefined();
  const valid = validateWith(ReferenceFileSchema, source!.toJS(), source!, [], problems, {
    what: 'reference file',
  }) as ReferenceFileInput | undefined;
  expect(problems.items, 'the test YAML must fit the schema').toEqual([]);
  const items = read(valid!, new ReferenceChecker(source!, await bundledCorpus(), problems), seen);
  const raw = problems.sorted();
  return {
    items,
    problems: raw.map((p) => `${p.file}:${p.line}: ${p.severity} ${p.code}: ${p.message}`),
    raw,
  };
}
