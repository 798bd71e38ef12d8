/** Every lint rule on the questions it must accept and those it must report. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES } from '../../src/lint/registry.js';
import type { Rule } from '../../src/lint/rule.js';
import { parseRange, overlap } from '../../src/lint/rules/overlapping-numeric.js';
import { ARTICLE } from '../helpers/project.js';
import { runRule, testRule, type Fields, type RuleCases } from './rule-tester.js';

const singles = (n: number, longest: number): Fields[] =>
  Array.from({ length: n }, (_, i) =>
    i < longest
      ? {
          // The longest option, but not clearly (7% longer).
          answer: 'Guarantees about the use of it',
          distractors: [
            'Full NATO membership soonish',
            'A share of radar contracts',
            'A joint command',
          ],
        }
      : {
          answer: 'Guarantees about its use',
          distractors: [
            'Full NATO membership soon',
            'A share of radar contracts',
            'A joint command',
          ],
        },
  );
const trueFalse = (trues: number, falses: number): Fields[] =>
  [...Array<boolean>(trues).fill(true), ...Array<boolean>(falses).fill(false)].map((answer) => ({
    type: 'true-false',
    prompt: 'Moscow still wanted guarantees.',
    answer,
  }));
const fixed = (n: number, atA: number): Fields[] =>
  Array.from({ length: n }, (_, i) => ({
    fixed_order: true,
    ...(i < atA
      ? {}
      : {
          answer: 'None of the above',
          distractors: ['Full NATO membership within a decade', 'A share of the radar contracts'],
        }),
  }));

const CASES: Record<string, RuleCases> = {
  'passage-exists': {
    valid: [{}, { passages: [`${ARTICLE}#p2`, `${ARTICLE}#p14`] }],
    invalid: [
      {
        questions: { passages: `${ARTICLE}#p15` },
        findings: [{ code: 'paragraph-out-of-range', field: 'passages', message: '14 paragraphs' }],
      },
      {
        questions: { passages: `lavrov-studying-proposal-2013#p2` },
        findings: [{ code: 'unknown-article', message: `did you mean "${ARTICLE}"` }],
      },
    ],
  },
  'duplicate-passage': {
    valid: [{ passages: [`${ARTICLE}#p2`, `${ARTICLE}#p3`] }],
    invalid: [
      {
        questions: { passages: [`${ARTICLE}#p2`, `${ARTICLE}#p2`] },
        findings: [{ field: 'passages.1', message: 'twice' }],
      },
    ],
  },
  'evidence-verbatim': {
    valid: [
      {},
      { evidence: 'still wants   guarantees' },
      { passages: `${ARTICLE}#p3`, evidence: '“We are now studying the proposals' },
      { passages: `${ARTICLE}#p15`, evidence: 'words from nowhere' }, // the ref is reported instead
    ],
    invalid: [
      {
        questions: { evidence: 'still wanted guarantees' },
        findings: [{ code: 'evidence-not-found', field: 'evidence', message: 'copy the words' }],
      },
      {
        questions: { evidence: ['still wants guarantees', 'studying the proposals we received'] },
        findings: [{ code: 'evidence-not-found', field: 'evidence.1', message: `${ARTICLE}#p3` }],
      },
    ],
  },
  'distinct-options': {
    valid: [
      {},
      { type: 'matching' },
      { type: 'ordering' },
      { type: 'multiple', answers: ['A', 'B'], distractors: ['C'] },
    ],
    invalid: [
      {
        questions: { distractors: ['Full NATO membership', 'guarantees about the system’s use!'] },
        findings: [{ code: 'answer-is-distractor', field: 'distractors.1' }],
      },
      {
        questions: {
          distractors: ['Full NATO membership', 'Radar contracts', 'full NATO membership'],
        },
        findings: [{ code: 'duplicate-option', field: 'distractors.2' }],
      },
      {
        questions: { type: 'ordering', items: ['Lisbon', 'Brussels', 'lisbon'] },
        findings: [{ code: 'duplicate-item', field: 'items.2' }],
      },
      {
        questions: {
          type: 'matching',
          pairs: [
            { left: 'Lavrov', right: 'Russia' },
            { left: 'Kerry', right: 'Russia' },
            { left: 'lavrov', right: 'NATO' },
          ],
          distractors: ['NATO'],
        },
        findings: [
          { code: 'duplicate-right' },
          { code: 'duplicate-left' },
          { code: 'answer-is-distractor' },
        ],
      },
    ],
  },
  'enough-options': {
    valid: [{}, { type: 'multiple', answers: ['A', 'B'], distractors: ['C'] }],
    invalid: [
      {
        questions: { distractors: ['Full NATO membership', 'full NATO membership.'] },
        findings: [
          { code: 'too-few-options', field: 'distractors.0', message: '2 different options' },
        ],
      },
      {
        questions: { type: 'multiple', answers: ['A', 'B'], distractors: ['a'] },
        findings: [{ code: 'too-few-options' }],
      },
    ],
  },
  'positional-option': {
    valid: [{ answer: 'All of the above', distractors: ['One', 'Two'], fixed_order: true }],
    invalid: [
      {
        questions: { distractors: ['One', 'None of these'] },
        findings: [{ field: 'distractors.0', message: '"None of these"' }],
      },
    ],
  },
  'answer-present': {
    valid: [{ type: 'cloze' }, { type: 'short' }],
    invalid: [
      {
        questions: { type: 'cloze', text: 'No blanks here.' },
        findings: [{ code: 'cloze-without-blanks', field: 'text' }],
      },
      {
        questions: { type: 'cloze', text: 'One [[]] and [[two]].' },
        findings: [{ code: 'empty-blank', message: 'blank 1' }],
      },
      {
        questions: { type: 'short', answer: '?!' },
        findings: [{ code: 'empty-answer', field: 'answer' }],
      },
    ],
  },
  'redundant-accept': {
    valid: [{ type: 'short', answer: 'New START', accept: ['the New START treaty'] }],
    invalid: [
      {
        questions: { type: 'short', answer: 'New START', accept: ['treaty', 'new start.'] },
        findings: [{ field: 'accept.1', message: '"new start."' }],
      },
    ],
  },
  'key-longest': {
    valid: [
      {},
      // 14% longer: not clearly the longest.
      { answer: 'x'.repeat(57), distractors: ['y'.repeat(50), 'z'.repeat(20)] },
      // Markdown emphasis is not printed, so it does not count.
      {
        answer: '**Guarantees** about the use',
        distractors: ['Full NATO membership soon', 'A share of radar contracts'],
      },
      singles(10, 3),
      singles(9, 9), // fewer than 10 single-choice questions: no share
    ],
    invalid: [
      {
        questions: { answer: 'x'.repeat(58), distractors: ['y'.repeat(50), 'z'.repeat(20)] },
        findings: [{ field: 'answer', message: '(58 characters)' }],
      },
      {
        // The answer is the longest option in 4 of 10: the bank is reported (40%).
        questions: singles(10, 4),
        findings: [
          { bank: true, message: 'would get 40% of the 10 single-choice questions right' },
        ],
      },
      {
        // Ties count as what a longest-picker gets on average: 3 + 2 x 1/2 of 10 = 40%.
        questions: [
          ...singles(10, 0).slice(0, 5),
          ...Array.from({ length: 2 }, () => ({
            answer: 'Guarantees about the use',
            distractors: ['Guarantees about the USA', 'Radar', 'NATO'],
          })),
          ...Array.from({ length: 3 }, () => ({
            answer: 'Guarantees about the use!',
            distractors: ['Guarantees about the us', 'Radar', 'NATO'],
          })),
        ],
        findings: [{ bank: true, message: 'would get 40%' }],
      },
    ],
  },
  'all-none-of-the-above': {
    valid: [{}, { distractors: ['All the radars', 'None of them built yet'] }],
    invalid: [
      {
        questions: { answer: 'All of the above', distractors: ['One', 'Two'], fixed_order: true },
        findings: [{ field: 'answer', message: '"All of the above"' }],
      },
      {
        questions: { type: 'multiple', answers: ['One'], distractors: ['Two', 'none of these'] },
        findings: [{ field: 'distractors.1' }],
      },
    ],
  },
  'negative-stem': {
    valid: [
      {},
      { prompt: 'Which of these did Lavrov NOT mention?' },
      { prompt: 'Which of these did Lavrov *not* mention?' },
      { prompt: 'Which of these did Lavrov **not mention**?' },
      { type: 'true-false', prompt: 'Lavrov did not mention Syria.' },
      { prompt: 'Rasmussen said NATO would "not walk away" from Afghanistan. What did he mean?' },
    ],
    invalid: [
      {
        questions: { prompt: 'All of these were discussed except which one?' },
        findings: [{ field: 'prompt', message: '"except"' }],
      },
      {
        questions: { type: 'multiple', prompt: 'Which did NATO not offer, at least publicly?' },
        findings: [{ message: '"not"' }],
      },
    ],
  },
  'duplicate-options': {
    valid: [
      {},
      { distractors: ['In 2010', 'In 2012'] },
      {
        distractors: [
          'From Lisbon to Brussels and then Rome',
          'From Brussels to Lisbon and then Rome',
        ],
      },
      { type: 'cloze' },
    ],
    invalid: [
      {
        questions: { distractors: ['The missile defence system', 'Missile defense system'] },
        findings: [{ field: 'distractors.1', message: '"Missile defense system"' }],
      },
      {
        questions: { distractors: ['Russia and NATO', 'NATO and Russia'] },
        findings: [{ field: 'distractors.1' }],
      },
      {
        questions: {
          type: 'ordering',
          items: ['The Lisbon summit', 'Brussels meeting', 'a Lisbon summit'],
        },
        findings: [{ field: 'items.2' }],
      },
    ],
  },
  'absolute-words': {
    valid: [
      { type: 'true-false', prompt: 'Lavrov said Moscow was studying the proposals.' },
      {
        type: 'true-false',
        prompt: 'Rasmussen said NATO would "never walk away" from Afghanistan.',
      },
      { prompt: 'Which option is always right?' }, // single choice: not a statement to judge
    ],
    invalid: [
      {
        questions: { type: 'true-false', prompt: 'Russia has always opposed all of NATO’s plans.' },
        findings: [{ field: 'prompt', message: '"always" and "all"' }],
      },
      {
        questions: { type: 'true-false', prompt: 'Only Lavrov spoke for Russia.' },
        findings: [{ message: '"Only"' }],
      },
    ],
  },
  'stem-clang': {
    valid: [
      {},
      {
        prompt: 'Which treaty did Russia suspend in 2007?',
        answer: 'The CFE treaty',
        distractors: ['The New START treaty', 'The INF treaty'],
      },
    ],
    invalid: [
      {
        questions: {
          prompt: 'Which treaties did Russia suspend in 2007?',
          answer: 'The CFE treaty',
          distractors: ['New START', 'The INF agreement'],
        },
        findings: [{ field: 'answer', message: '"treaty"' }],
      },
      {
        questions: {
          type: 'multiple',
          prompt: 'What did the ministers discuss in Brussels?',
          answers: ['Syria', 'Discussing missile defense'],
          distractors: ['Iran', 'Georgia'],
        },
        findings: [{ field: 'answers.1', message: '"discussing"' }],
      },
    ],
  },
  'overlapping-numeric': {
    valid: [
      {},
      { answer: 'Between 10 and 20', distractors: ['More than 20', 'Fewer than 10'] },
      {
        answer: '10 to 19 helicopters',
        distractors: ['20 to 29 helicopters', '30 or more helicopters'],
      },
      { answer: '15 years', distractors: ['15 months', '15 days'] },
    ],
    invalid: [
      {
        questions: {
          answer: 'Between 10 and 20 helicopters',
          distractors: ['More than 15 helicopters', 'Fewer than 10 helicopters'],
        },
        findings: [{ field: 'distractors.0', message: '"More than 15 helicopters" overlaps' }],
      },
      {
        questions: { answer: '1,000 to 2,000', distractors: ['2,000 or more', 'Under 1,000'] },
        findings: [{ field: 'distractors.0' }],
      },
    ],
  },
  'true-false-balance': {
    valid: [trueFalse(4, 2), trueFalse(5, 0), trueFalse(3, 3)],
    invalid: [
      {
        questions: trueFalse(5, 1),
        findings: [{ bank: true, message: '5 of 6 true/false questions have the answer true' }],
      },
      { questions: trueFalse(1, 7), findings: [{ bank: true, message: 'always answers "false"' }] },
    ],
  },
  'answer-given-away': {
    valid: [
      // The answer is only an option of the other question: nothing says where it belongs.
      [
        {
          prompt: 'Which agency reported what Lavrov said in Brussels?',
          answer: 'Interfax',
          distractors: ['Reuters', 'Xinhua'],
        },
        {
          prompt: 'Which agency reported the Moscow talks?',
          answer: 'Reuters',
          distractors: ['Interfax', 'Xinhua'],
        },
      ],
      // The same question written twice is a duplicate, not a cue.
      [
        { prompt: 'On what day did Lavrov meet the ministers?', type: 'numeric', answer: 23 },
        { prompt: 'On what day did Lavrov meet the ministers?', type: 'numeric', answer: 23 },
      ],
    ],
    invalid: [
      {
        // A true/false statement prints the number the numeric question asks for.
        questions: [
          {
            type: 'numeric',
            prompt: 'On what day of April did Lavrov meet NATO foreign ministers in Brussels?',
            answer: 23,
          },
          {
            type: 'true-false',
            prompt: 'Lavrov met NATO foreign ministers in Brussels on April 23.',
            answer: true,
          },
        ],
        findings: [
          {
            field: 'answer',
            message:
              /^question "case-1": its answer "23" is given away by question "case-2" \(questions\/cases\.yaml:\d+\), which prints "23" next to .*a quiz can draw both\. Reword one of them, or if students cannot use it, add allow: \{ answer-given-away: "why" \} to this question$/,
          },
        ],
      },
      {
        // A cloze blank, stated in the other question's option together with the passage's words.
        questions: [
          {
            type: 'cloze',
            text: 'Medvedev warned that Russia might deploy new [[offensive]] weapons.',
          },
          {
            prompt: 'What did Medvedev warn about in 2011?',
            answer: 'Russia might deploy new offensive weapons.',
            distractors: ['Russia would leave New START.', 'Russia would close its airspace.'],
          },
        ],
        findings: [
          { field: 'text', message: 'its answer "offensive" is given away by question "case-2"' },
        ],
      },
    ],
  },
  'key-position': {
    valid: [fixed(3, 3), fixed(4, 2), fixed(6, 3)],
    invalid: [
      {
        // Three answers at A without an option that needs the written order: each is named.
        questions: fixed(4, 3),
        findings: [1, 2, 3].map((n) => ({
          message: new RegExp(
            `^question "case-${n}": remove fixed_order here: the answer is option A in 3 of the 4 fixed-order single-choice questions \\(case-1, case-2, case-3\\)`,
          ),
        })),
      },
      {
        // "None of the above" is the answer everywhere, so always C: three must change to
        // bring C to half or less, and the fix is to write those answers out.
        questions: fixed(5, 0),
        findings: [1, 2, 3].map((n) => ({
          message: new RegExp(
            `^question "case-${n}": the answer is option C in 5 of the 5 .*"None of the above" option; make that option a wrong one here \\(write the right answer out instead\\)`,
          ),
        })),
      },
    ],
  },
};

describe('the rule registry', () => {
  it('lists rules with unique kebab-case ids, each with a severity, a doc and test cases', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.doc.description.length, rule.id).toBeGreaterThan(100);
      expect(rule.doc.bad, rule.id).not.toBe(rule.doc.good);
      expect(CASES[rule.id], `${rule.id} has no test cases`).toBeDefined();
      expect(rule.question ?? rule.citing ?? rule.across ?? rule.bank, rule.id).toBeDefined();
    }
    expect(Object.keys(CASES).sort()).toEqual([...ids].sort());
  });

  it('has every item-writing rule the issue asks for, as a warning', () => {
    const itemWriting = RULES.filter((r) => r.category === 'item-writing');
    expect(itemWriting.map((r) => r.id).sort()).toEqual(
      [
        'absolute-words',
        'all-none-of-the-above',
        'answer-given-away',
        'duplicate-options',
        'key-longest',
        'key-position',
        'negative-stem',
        'overlapping-numeric',
        'stem-clang',
        'true-false-balance',
      ].sort(),
    );
    for (const rule of itemWriting) expect(rule.severity, rule.id).toBe('warning');
  });
});

/** A documented example, read as question fields (a comment-only example describes a bank). */
const example = (yaml: string): Fields | undefined => (parse(yaml) as Fields | null) ?? undefined;

describe.each(RULES.map((rule) => [rule.id, rule] as [string, Rule]))('%s', (_, rule) => {
  testRule(rule, CASES[rule.id]!);

  const bad = example(rule.doc.bad);
  const good = example(rule.doc.good);
  // A rule about pairs of questions documents each example as a list of two.
  const list = (fields: Fields) => (Array.isArray(fields) ? (fields as Fields[]) : [fields]);
  if (bad && good) {
    it('reports its documented bad example and accepts the good one', () => {
      expect(runRule(rule, list(bad)).problems).not.toEqual([]);
      const fixedRun = runRule(rule, list(good));
      expect(fixedRun.loadProblems).toEqual([]);
      expect(fixedRun.problems).toEqual([]);
    });
  } else {
    it('is a rule about the whole bank, documented by description', () => {
      expect(rule.bank).toBeDefined();
    });
  }
});

describe('reading options as numbers', () => {
  it('understands ranges, bounds and units', () => {
    expect(parseRange('Between 10 and 20 helicopters')).toMatchObject({
      low: 10,
      high: 20,
      unit: 'helicopters',
    });
    expect(parseRange('30 or more')).toMatchObject({ low: 30, high: Infinity, lowIn: true });
    expect(parseRange('Under 1,000')).toMatchObject({ high: 1000, highIn: false });
    expect(parseRange('In 2010')).toMatchObject({ low: 2010, high: 2010 });
    expect(parseRange('Russia and NATO')).toBeUndefined();
    expect(overlap(parseRange('up to 10')!, parseRange('10 or more')!)).toBe(true);
    expect(overlap(parseRange('under 10')!, parseRange('10 or more')!)).toBe(false);
  });
});
