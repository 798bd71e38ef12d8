/** The glossary, read directly: mentions found in the corpus, evidence from any of them, mistakes placed. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noIdsSeen } from '../../src/reference/checker.js';
import { readTerms } from '../../src/reference/terms.js';
import { REPO } from '../helpers/project.js';
import { readPart } from './read.js';

const terms = (yaml: string, seen = noIdsSeen()) =>
  readPart(
    'glossary.yaml',
    yaml,
    (data, check, ids) => readTerms(data.terms ?? [], check, ids.terms),
    seen,
  );

const INTERCEPTOR = `terms:
  - id: interceptor
    term: interceptor
    aka: [interceptors]
    kind: weapon
    definition: A missile that destroys other missiles in flight.
    evidence: forgo a new type of interceptor
`;

describe('glossary terms', () => {
  it('finds every paragraph that uses the term or its other spellings, in corpus order', async () => {
    const { items, problems } = await terms(INTERCEPTOR);
    expect(problems).toEqual([]);
    expect(items).toEqual([
      {
        id: 'interceptor',
        term: 'interceptor',
        aka: ['interceptors'],
        kind: 'weapon',
        definition: 'A missile that destroys other missiles in flight.',
        match: ['interceptor', 'interceptors'],
        mentions: [
          expect.objectContaining({ ref: 'lavrov-no-understanding-2012#p2' }),
          expect.objectContaining({ ref: 'lavrov-no-understanding-2012#p4' }),
          expect.objectContaining({ ref: 'lavrov-studying-proposals-2013#p6' }),
        ],
        also: [],
        evidence: ['forgo a new type of interceptor'],
      },
    ]);
  });

  it('adds the passages listed in "also" to those found, and takes evidence from any of them', async () => {
    const { items, problems } = await terms(`terms:
  - id: red-line
    term: red line
    kind: concept
    definition: A limit that, once crossed, calls for action.
    match: [crossing a red line]
    also: [lavrov-studying-proposals-2013#p10]
    evidence: would require action by the international community
`);
    expect(problems).toEqual([]);
    expect(items[0]!.mentions.map((m) => m.ref)).toEqual([
      'lavrov-studying-proposals-2013#p10',
      'lavrov-studying-proposals-2013#p11',
    ]);
    expect(items[0]!.also.map((m) => m.ref)).toEqual(['lavrov-studying-proposals-2013#p10']);
  });

  it('reads the bundled glossary without a problem', async () => {
    const yaml = await readFile(path.join(REPO, 'questions/reference/glossary.yaml'), 'utf8');
    const { items, problems } = await terms(yaml);
    expect(problems).toEqual([]);
    expect(items.map((t) => t.id)).toContain('new-start');
    for (const term of items) expect(term.mentions.length, term.id).toBeGreaterThan(0);
  });

  it('places each mistake at the line to fix and says what to do', async () => {
    const { items, problems } = await terms(`terms:
  - id: interceptor
    term: interceptor
    kind: weapon
    definition: A missile that destroys other missiles in flight.
    evidence:
      - forgo a new type of interceptor
      - interceptors in Europe will never be pointed at Russian ICBMs
      - a brand new kind of interceptor
  - id: star-wars
    term: Star Wars
    kind: concept
    definition: A nickname for missile defense.
    also: [lavrov-studying-proposals-2013#p15]
    evidence: missile defense
  - id: interceptor
    term: interceptor missile
    kind: weapon
    definition: The same again.
    evidence: missile interceptors in Alaska
`);
    const at = 'questions/reference/glossary.yaml';
    expect(problems).toEqual([
      `${at}:8: error evidence-not-found: the evidence for the term "interceptor" ("interceptors in Europe will never be pointed at Russian ICB…") is not in a paragraph that mentions it; it is in lavrov-no-understanding-2012#p4: cite that passage`,
      `${at}:9: error evidence-not-found: the evidence for the term "interceptor" ("a brand new kind of interceptor") is not in a paragraph that mentions it; copy the words exactly from the article`,
      `${at}:10: warning never-mentioned: the term "Star Wars": no paragraph contains "Star Wars"; fix "match" or list the passages in "also"`,
      `${at}:14: error paragraph-out-of-range: the term "Star Wars" cites lavrov-studying-proposals-2013#p15, but lavrov-studying-proposals-2013 has 14 paragraphs; cite a number from 1 to 14`,
      `${at}:15: error evidence-not-found: the evidence for the term "Star Wars" ("missile defense") is not in a paragraph that mentions it; it is in grushko-russia-nato-2010#p8: cite that passage`,
      `${at}:16: warning never-mentioned: the term "interceptor missile": no paragraph contains "interceptor missile"; fix "match" or list the passages in "also"`,
      `${at}:16: error duplicate-id: the term id "interceptor" is used twice; give each term its own id`,
      `${at}:20: error evidence-not-found: the evidence for the term "interceptor missile" ("missile interceptors in Alaska") is not in a paragraph that mentions it; it is in lavrov-studying-proposals-2013#p6: cite that passage`,
    ]);
    expect(items.map((t) => t.id)).toEqual(['interceptor', 'star-wars', 'interceptor']);
  });

  it('sees an id used in an earlier reference file as used twice', async () => {
    const seen = noIdsSeen();
    seen.terms.add('interceptor');
    // A person or event of the same id is another thing: only terms count.
    seen.people.add('red-line');
    const { problems } = await terms(INTERCEPTOR, seen);
    expect(problems).toEqual([
      'questions/reference/glossary.yaml:2: error duplicate-id: the term id "interceptor" is used twice; give each term its own id',
    ]);
  });
});
