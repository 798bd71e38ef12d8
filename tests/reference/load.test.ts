/**
 * loadReference puts the parts together: every file of questions/reference/,
 * ids unique across files, one timeline in date order, a broken file not
 * stopping the others. Through the CLI, a mistake is a file:line message and
 * a failed run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemList } from '../../src/errors.js';
import { loadReference } from '../../src/reference/load.js';
import { runCli } from '../helpers/cli.js';
import { ARTICLE, REPO, makeProject, singleQuestion } from '../helpers/project.js';
import { bundledCorpus } from './read.js';

const event = (id: string, date: string, paragraph: number, evidence: string) =>
  `  - id: ${id}\n    date: "${date}"\n    event: Something happened.\n    passages: [${ARTICLE}#p${paragraph}]\n    evidence: ${evidence}\n`;

describe('loading the reference files', () => {
  it('reads the bundled people, glossary and timeline, the timeline in date order', async () => {
    const problems = new ProblemList();
    const reference = await loadReference(
      path.join(REPO, 'questions/reference'),
      await bundledCorpus(),
      problems,
    );
    expect(problems.items).toEqual([]);
    expect(reference.files.map((f) => path.basename(f))).toEqual([
      'glossary.yaml',
      'people.yaml',
      'timeline.yaml',
    ]);
    expect(reference.people.length).toBeGreaterThan(5);
    expect(reference.terms.length).toBeGreaterThan(5);
    const dates = reference.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('merges files: one timeline sorted by date then id, ids unique across files, bad files skipped', async () => {
    const root = makeProject({
      'questions/reference/a-later.yaml': `events:\n${event('talks', '2013-04-23', 4, 'held bilateral talks with U.S. Secretary of State John Kerry')}${event('meeting', '2013-04-23', 4, 'Lavrov met with NATO foreign ministers in Brussels')}`,
      'questions/reference/b-earlier.yaml': `events:\n${event('pentagon-plan', '2013-03', 6, 'The Pentagon said last month')}${event('meeting', '2013-04', 4, 'Lavrov met with NATO foreign ministers')}`,
      'questions/reference/c-broken.yaml': 'events:\n  - id: [unclosed\n',
      'questions/reference/d-wrong-field.yaml': `people:\n  - id: kerry\n    name: John Kerry\n    rank: Secretary\n    roles: []\n`,
    });
    const problems = new ProblemList();
    const corpus = await bundledCorpus();
    const reference = await loadReference(path.join(root, 'questions/reference'), corpus, problems);
    expect(reference.events.map((e) => `${e.date} ${e.id}`)).toEqual([
      '2013-03 pentagon-plan',
      '2013-04 meeting',
      '2013-04-23 meeting',
      '2013-04-23 talks',
    ]);
    expect(reference.people).toEqual([]);
    const where = problems
      .sorted()
      .map((p) => `${path.relative(root, p.file)}:${p.line} ${p.code}`);
    expect(where).toEqual([
      // The id is taken in a-later.yaml, read first (files are read in name order).
      'questions/reference/b-earlier.yaml:7 duplicate-id',
      'questions/reference/c-broken.yaml:3 yaml-syntax',
      'questions/reference/d-wrong-field.yaml:4 unknown-field',
      'questions/reference/d-wrong-field.yaml:5 too-few-entries',
    ]);
  });

  it('fails lint and build with the file and line of each mistake, and writes nothing', async () => {
    const root = makeProject({
      'questions/bank.yaml': `questions:\n${singleQuestion('q1')}`,
      'questions/reference/timeline.yaml': `events:\n  - id: meeting\n    date: "2013-04-23"\n    end: "2013-04-01"\n    event: Ministers met.\n    passages: [lavrov-studying-proposal-2013#p4]\n    evidence: Lavrov met with NATO foreign ministers\n`,
      'questions/reference/people.yaml': `people:\n  - id: lavrov\n    name: Sergei Lavrov\n    roles:\n      - role: Foreign Minister\n        passages: [${ARTICLE}#p2]\n        evidence: Foreign Minister Lavrov\n`,
    });
    const lint = await runCli(['lint'], root);
    expect(lint.code).toBe(1);
    expect(lint.stdout.trimEnd().split('\n')).toEqual([
      'questions/reference/people.yaml:7:19  error  the evidence for the role "Foreign Minister" of Sergei Lavrov ("Foreign Minister Lavrov") is not in lavrov-studying-proposals-2013#p2; copy the words exactly from the article',
      'questions/reference/timeline.yaml:4:10  error  the event "meeting" ends (2013-04-01) before it starts (2013-04-23); swap them or fix the dates',
      'questions/reference/timeline.yaml:6:15  error  the event "meeting" cites lavrov-studying-proposal-2013#p4, but there is no article "lavrov-studying-proposal-2013" in corpus/ (did you mean "lavrov-studying-proposals-2013"?); use the id from an article\'s front matter',
    ]);
    const build = await runCli(['build'], root);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(
      'questions/reference/timeline.yaml:4:10  error  the event "meeting" ends',
    );
    expect(build.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(path.join(root, 'out'))).toBe(false);
  });
});
