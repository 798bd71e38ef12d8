/** The timeline, read directly: events with their passages and evidence, mistakes placed. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noIdsSeen } from '../../src/reference/checker.js';
import { readEvents } from '../../src/reference/events.js';
import { REPO } from '../helpers/project.js';
import { readPart } from './read.js';

const events = (yaml: string, seen = noIdsSeen()) =>
  readPart(
    'timeline.yaml',
    yaml,
    (data, check, ids) => readEvents(data.events ?? [], check, ids.events),
    seen,
  );

const MEETING = `events:
  - id: nato-russia-ministers-meet-2013
    date: "2013-04-23"
    event: Lavrov met NATO's foreign ministers in Brussels and held talks with Kerry.
    passages: [lavrov-studying-proposals-2013#p4]
    evidence: Lavrov met with NATO foreign ministers in Brussels on April 23
`;

describe('timeline events', () => {
  it('reads an event with its passages and evidence', async () => {
    const { items, problems } = await events(MEETING);
    expect(problems).toEqual([]);
    expect(items).toEqual([
      {
        id: 'nato-russia-ministers-meet-2013',
        date: '2013-04-23',
        event: "Lavrov met NATO's foreign ministers in Brussels and held talks with Kerry.",
        passages: [
          {
            article: 'lavrov-studying-proposals-2013',
            paragraph: 4,
            ref: 'lavrov-studying-proposals-2013#p4',
          },
        ],
        evidence: ['Lavrov met with NATO foreign ministers in Brussels on April 23'],
      },
    ]);
  });

  it('keeps a year written without quotes as a year, and the optional fields', async () => {
    const { items, problems } = await events(`events:
  - id: new-start-talks
    date: 2010
    end: 2010-12
    event: Russia and NATO worked on their relations through the year.
    passages:
      - grushko-russia-nato-2010#p14
    evidence: In January 2010, the Russian and NATO chiefs of staff met in Brussels for talks.
    date_basis: The article gives the year only.
    background: Facts from outside the articles.
`);
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({
      date: '2010',
      end: '2010-12',
      dateBasis: 'The article gives the year only.',
      background: 'Facts from outside the articles.',
    });
  });

  it('reads the bundled timeline without a problem, in the order written', async () => {
    const yaml = await readFile(path.join(REPO, 'questions/reference/timeline.yaml'), 'utf8');
    const { items, problems } = await events(yaml);
    expect(problems).toEqual([]);
    expect(items[0]!.id).toBe('soviet-invasion-of-afghanistan');
    for (const event of items) expect(event.passages.length, event.id).toBeGreaterThan(0);
  });

  it('places each mistake at the line to fix and says what to do', async () => {
    const { items, problems } = await events(`events:
  - id: ministers-meet
    date: "2013-04-23"
    end: "2013-04-22"
    event: Lavrov met NATO's foreign ministers.
    passages: [lavrov-studying-proposals-2013#p4]
    evidence: Lavrov met NATO foreign ministers in Brussels
  - id: guarantees
    date: "2011"
    event: Russia asked for guarantees.
    passages:
      - russia-wants-guarantee-2011#p1
      - russia-wants-guarantees-2011#p1
    evidence: a quote that no article has
  - id: ministers-meet
    date: "2013-04"
    event: The same meeting again.
    passages: lavrov-studying-proposals-2013#p4
    evidence: [Lavrov met with NATO foreign ministers, also held bilateral talks with Kerry]
`);
    const at = 'questions/reference/timeline.yaml';
    expect(problems).toEqual([
      `${at}:4: error event-ends-before-start: the event "ministers-meet" ends (2013-04-22) before it starts (2013-04-23); swap them or fix the dates`,
      `${at}:7: error evidence-not-found: the evidence for the event "ministers-meet" ("Lavrov met NATO foreign ministers in Brussels") is not in lavrov-studying-proposals-2013#p4; copy the words exactly from the article`,
      // With a passage that does not exist, the evidence is not checked: one mistake at a time.
      `${at}:12: error unknown-article: the event "guarantees" cites russia-wants-guarantee-2011#p1, but there is no article "russia-wants-guarantee-2011" in corpus/ (did you mean "russia-wants-guarantees-2011"?); use the id from an article's front matter`,
      `${at}:15: error duplicate-id: the event id "ministers-meet" is used twice; give each event its own id`,
      `${at}:19: error evidence-not-found: the evidence for the event "ministers-meet" ("also held bilateral talks with Kerry") is not in lavrov-studying-proposals-2013#p4; copy the words exactly from the article`,
    ]);
    expect(items.map((e) => e.id)).toEqual(['ministers-meet', 'guarantees', 'ministers-meet']);
    expect(items[1]!.passages.map((p) => p.ref)).toEqual(['russia-wants-guarantees-2011#p1']);
  });

  it('sees an id used in an earlier reference file as used twice', async () => {
    const seen = noIdsSeen();
    seen.events.add('nato-russia-ministers-meet-2013');
    const { problems } = await events(MEETING, seen);
    expect(problems).toEqual([
      'questions/reference/timeline.yaml:2: error duplicate-id: the event id "nato-russia-ministers-meet-2013" is used twice; give each event its own id',
    ]);
  });
});
