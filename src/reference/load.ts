/**
 * Loads questions/reference/*.yaml (people, terms, events) and checks it
 * like the bank: refs exist, evidence is verbatim, every problem located.
 * Each part has its own module (people.ts, terms.ts, events.ts); this one
 * reads the files and puts the parts together.
 */
import { readFile } from 'node:fs/promises';
import type { Corpus } from '../corpus/article.js';
import { compareStrings, type ProblemList } from '../errors.js';
import { listFiles } from '../util/files.js';
import { validateWith } from '../util/schema-check.js';
import { readYaml } from '../util/yaml-fast.js';
import type { YamlCache } from '../util/yaml-cache.js';
import { noIdsSeen, ReferenceChecker } from './checker.js';
import { readEvents } from './events.js';
import { readPeople } from './people.js';
import type { Reference } from './reference.js';
import { ReferenceFileSchema, type ReferenceFileInput } from './schema.js';
import { readTerms } from './terms.js';

/** `cache`: earlier runs' readings of the files (see util/yaml-cache.ts). */
export async function loadReference(
  referenceDir: string,
  corpus: Corpus,
  problems: ProblemList,
  cache?: YamlCache,
): Promise<Reference> {
  const files = await listFiles(referenceDir, ['.yaml', '.yml']);
  const reference: Reference = { people: [], terms: [], events: [], files };
  const seen = noIdsSeen();
  for (const file of files) {
    const source = readYaml(file, await readFile(file, 'utf8'), problems, 0, cache);
    if (!source) continue;
    const valid = validateWith(ReferenceFileSchema, source.toJS() ?? {}, source, [], problems, {
      what: 'reference file',
    }) as ReferenceFileInput | undefined;
    if (valid === undefined) continue;
    const check = new ReferenceChecker(source, corpus, problems);
    reference.people.push(...readPeople(valid.people ?? [], check, seen.people));
    reference.terms.push(...readTerms(valid.terms ?? [], check, seen.terms));
    reference.events.push(...readEvents(valid.events ?? [], check, seen.events));
  }
  reference.events.sort((a, b) => compareStrings(a.date, b.date) || compareStrings(a.id, b.id));
  return reference;
}
