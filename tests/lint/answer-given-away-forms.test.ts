/**
 * answer-given-away beyond the choice key written word for word: the other
 * question may use another form of the answer's words ("deploy" for
 * "deployment"), and the answer may be a matching pair or a true/false
 * statement; an ordering's events are facts that can give an answer away.
 * And the cases a student could not use are left alone.
 */
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/lint/wording.js';
import { answerGivenAway } from '../../src/lint/rules/answer-given-away.js';
import { runRule, type Fields } from './rule-tester.js';

const messages = (questions: Fields[]) => {
  const run = runRule(answerGivenAway, questions);
  expect(run.loadProblems).toEqual([]);
  return run.problems.map((p) => p.message);
};

const ROMANIA = {
  prompt: 'What did the United States plan for Romania in 2011?',
  answer: 'The deployment of interceptors',
  distractors: ['A joint radar with Russia', 'A naval base on the Black Sea'],
};

const MATCHING = {
  type: 'matching',
  prompt: 'Match each person with the office they held in 2010.',
  pairs: [
    { left: 'Grushko', right: 'Russia’s ambassador to NATO' },
    { left: 'Rasmussen', right: 'NATO Secretary General' },
    { left: 'Lavrov', right: 'Foreign minister of Russia' },
  ],
};

describe('answer-given-away with other forms of the words', () => {
  it('folds inflections and the -ment and -ification derivations, and keeps unrelated words apart', () => {
    expect(new Set(['deploy', 'deployed', 'deploying', 'deployment'].map(stem)).size).toBe(1);
    expect(stem('agreement')).toBe(stem('agreed'));
    expect(stem('ratification')).toBe(stem('ratified'));
    expect(stem('treaties')).toBe(stem('treaty'));
    expect(stem('guaranteed')).toBe(stem('guarantees'));
    expect(stem('general')).not.toBe(stem('generate'));
    expect(stem('news')).not.toBe(stem('new'));
  });

  it('reports a key given away by a statement that uses another form of its words', () => {
    expect(
      messages([
        ROMANIA,
        {
          type: 'true-false',
          prompt: 'The United States decided to deploy interceptors in Romania.',
          answer: true,
        },
      ]),
    ).toEqual([
      expect.stringMatching(
        /^question "case-1": its answer "The deployment of interceptors" is given away by question "case-2" \(questions\/cases\.yaml:\d+\), which prints "deployment", "interceptors" next to .*"romania"/,
      ),
    ]);
  });

  it('reports a key given away by an event an ordering question prints', () => {
    expect(
      messages([
        {
          prompt: 'What did the chiefs of staff approve in January 2010?',
          answer: 'A framework for military cooperation',
          distractors: ['A plan for a joint missile shield', 'A revived CFE regime'],
        },
        {
          type: 'ordering',
          prompt: 'Put these events in the order they happened.',
          items: [
            'NATO and Russian chiefs of staff approved a framework for cooperating on military matters',
            'The Lisbon summit',
            'Lavrov meets NATO ministers in Brussels',
          ],
        },
      ]),
    ).toEqual([expect.stringContaining('given away by question "case-2"')]);
  });
});

describe('answer-given-away on matching and true/false questions', () => {
  it('reports a matching pair that another question states together', () => {
    expect(
      messages([
        MATCHING,
        {
          prompt: 'What did Grushko, Russia’s ambassador to NATO, say about the radar plans?',
          answer: 'That they needed legal guarantees',
          distractors: ['That Moscow would build its own', 'That they were welcome'],
        },
      ]),
    ).toEqual([
      expect.stringMatching(
        /^question "case-1": its pair "Grushko — Russia’s ambassador to NATO" is given away by question "case-2" \(questions\/cases\.yaml:\d+\), which prints "grushko", "ambassador" together; a quiz can draw both\./,
      ),
    ]);
  });

  it('leaves a matching alone when the other question only offers its names as options', () => {
    expect(
      messages([
        MATCHING,
        {
          prompt: 'Who spoke for the alliance in Lisbon?',
          answer: 'Rasmussen',
          distractors: ['Grushko', 'Lavrov'],
        },
      ]),
    ).toEqual([]);
  });

  it('reports a true statement that another question states as a fact', () => {
    expect(
      messages([
        {
          type: 'true-false',
          prompt: 'Russia suspended its participation in the CFE treaty in 2007.',
          answer: true,
        },
        {
          prompt:
            'After Russia suspended participating in the CFE treaty in 2007, what did NATO propose?',
          answer: 'Talks on a new conventional arms regime',
          distractors: ['Sanctions on Russian exports', 'A joint missile shield'],
        },
      ]),
    ).toEqual([
      expect.stringMatching(
        /^question "case-1": its statement, true, is given away by question "case-2" \(questions\/cases\.yaml:\d+\), which states .*"suspended".*"participation".*"cfe".* as a fact; a quiz can draw both\./,
      ),
    ]);
  });

  it('leaves a statement alone that the other question states only in part, and a false one', () => {
    const prompt = 'What did Lavrov say in Brussels on April 23?';
    const other = {
      prompt,
      answer: 'That Moscow was studying the proposals',
      distractors: ['That Moscow rejected them', 'That talks had ended'],
    };
    expect(
      messages([
        {
          type: 'true-false',
          prompt: 'Lavrov met NATO foreign ministers in Brussels on April 23.',
          answer: true,
        },
        other,
      ]),
    ).toEqual([]);
    expect(
      messages([
        { type: 'true-false', prompt: 'Lavrov spoke in Brussels on April 23.', answer: false },
        {
          ...other,
          prompt: 'What did Lavrov say when he spoke in Brussels on April 23?',
        },
      ]),
    ).toEqual([]);
  });
});
