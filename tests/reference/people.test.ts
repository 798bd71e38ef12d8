/** The who's who, read directly: roles dated by their articles, mentions found, mistakes placed. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPeople } from '../../src/reference/people.js';
import { noIdsSeen } from '../../src/reference/checker.js';
import { REPO } from '../helpers/project.js';
import { readPart } from './read.js';

const people = (yaml: string, seen = noIdsSeen()) =>
  readPart(
    'people.yaml',
    yaml,
    (data, check, ids) => readPeople(data.people ?? [], check, ids.people),
    seen,
  );

const KERRY = `people:
  - id: john-kerry
    name: John Kerry
    country: United States
    roles:
      - role: U.S. Secretary of State
        passages:
          - lavrov-studying-proposals-2013#p1
          - lavrov-studying-proposals-2013#p4
        evidence: U.S. Secretary of State John Kerry
    quoted: [lavrov-studying-proposals-2013#p10]
    note: The U.S. Secretary of State in the 2013 article.
`;

describe('people', () => {
  it('reads a person as the briefing needs them: role dates from the articles, every mention', async () => {
    const { items, problems } = await people(KERRY);
    expect(problems).toEqual([]);
    expect(items).toHaveLength(1);
    const kerry = items[0]!;
    // "Kerry", the default match (the last word of the name), in every paragraph that names him.
    expect(kerry.match).toEqual(['Kerry']);
    expect(kerry.mentions.map((m) => m.ref)).toEqual([
      'lavrov-studying-proposals-2013#p1',
      'lavrov-studying-proposals-2013#p4',
      'lavrov-studying-proposals-2013#p10',
    ]);
    expect(kerry.roles).toEqual([
      {
        role: 'U.S. Secretary of State',
        passages: [
          expect.objectContaining({ ref: 'lavrov-studying-proposals-2013#p1' }),
          expect.objectContaining({ ref: 'lavrov-studying-proposals-2013#p4' }),
        ],
        evidence: ['U.S. Secretary of State John Kerry'],
        dates: ['23 Apr 2013'],
      },
    ]);
    expect(kerry.quoted.map((q) => q.ref)).toEqual(['lavrov-studying-proposals-2013#p10']);
    expect(kerry).toMatchObject({
      country: 'United States',
      note: expect.stringContaining('2013'),
    });
    expect(kerry).not.toHaveProperty('background');
  });

  it('dates a role that spans articles by each of them, oldest first, at the precision each gives', async () => {
    const { items, problems } = await people(`people:
  - id: sergei-lavrov
    name: Sergei Lavrov
    roles:
      - role: Foreign Minister of Russia
        passages:
          - lavrov-studying-proposals-2013#p2
          - lavrov-no-understanding-2012#p1
          - russia-to-study-nato-proposals-2010#p9
        evidence: Russian Foreign Minister Sergei Lavrov
`);
    expect(problems).toEqual([]);
    expect(items[0]!.roles[0]!.dates).toEqual(['4 Nov 2010', 'Apr 2012', '23 Apr 2013']);
  });

  it("reads the bundled who's who without a problem", async () => {
    const yaml = await readFile(path.join(REPO, 'questions/reference/people.yaml'), 'utf8');
    const { items, problems } = await people(yaml);
    expect(problems).toEqual([]);
    expect(items.map((p) => p.id)).toContain('sergei-lavrov');
    for (const person of items) expect(person.mentions.length, person.id).toBeGreaterThan(0);
  });

  it('places each mistake at the line to fix and says what to do', async () => {
    const { items, problems } = await people(`people:
  - id: john-kerry
    name: John Kerry
    roles:
      - role: U.S. Secretary of State
        passages: [lavrov-studying-proposals-2013#p40]
        evidence: U.S. Secretary of State John Kerry
  - id: hillary-clinton
    name: Hillary Clinton
    roles:
      - role: U.S. Secretary of State
        passages: [lavrov-no-understanding-2012#p3]
        evidence: Secretary of State H. Clinton
    also: [lavrov-no-understandin-2012#p5]
  - id: john-kerry
    name: Jon Kery
    roles:
      - role: Senator
        passages:
          - lavrov-studying-proposals-2013#p1
          - lavrov-studying-proposals-2013#p4
        evidence:
          - U.S. Secretary of State John Kerry
          - NATO Secretary-General Rasmussen
    quoted: [lavrov-studying-proposals-2013#p8]
`);
    const at = 'questions/reference/people.yaml';
    expect(problems).toEqual([
      `${at}:6: error paragraph-out-of-range: the role "U.S. Secretary of State" of John Kerry cites lavrov-studying-proposals-2013#p40, but lavrov-studying-proposals-2013 has 14 paragraphs; cite a number from 1 to 14`,
      `${at}:13: error evidence-not-found: the evidence for the role "U.S. Secretary of State" of Hillary Clinton ("Secretary of State H. Clinton") is not in lavrov-no-understanding-2012#p3; copy the words exactly from the article`,
      `${at}:14: error unknown-article: Hillary Clinton cites lavrov-no-understandin-2012#p5, but there is no article "lavrov-no-understandin-2012" in corpus/ (did you mean "lavrov-no-understanding-2012"?); use the id from an article's front matter`,
      `${at}:15: warning never-mentioned: Jon Kery: no paragraph contains "Kery"; fix "match" or list the passages in "also"`,
      `${at}:15: error duplicate-id: the person id "john-kerry" is used twice; give each person its own id`,
      `${at}:24: error evidence-not-found: the evidence for the role "Senator" of Jon Kery ("NATO Secretary-General Rasmussen") is not in lavrov-studying-proposals-2013#p1, lavrov-studying-proposals-2013#p4; it is in lavrov-studying-proposals-2013#p7: cite that passage`,
      `${at}:25: warning quoted-not-mentioned: Jon Kery is listed as quoted in lavrov-studying-proposals-2013#p8, but that paragraph does not name them; add it to "also" if it refers to them`,
    ]);
    // A person with a mistake is still read, so the rest of the file is checked too.
    expect(items.map((p) => p.id)).toEqual(['john-kerry', 'hillary-clinton', 'john-kerry']);
    // A ref that does not resolve is dropped rather than carried into the briefing.
    expect(items[0]!.roles[0]!.passages).toEqual([]);
  });

  it('sees an id used in an earlier reference file as used twice', async () => {
    const seen = noIdsSeen();
    seen.people.add('john-kerry');
    const { problems } = await people(KERRY, seen);
    expect(problems).toEqual([
      'questions/reference/people.yaml:2: error duplicate-id: the person id "john-kerry" is used twice; give each person its own id',
    ]);
  });
});
