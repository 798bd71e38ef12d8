/**
 * Each question type as a Canvas QTI item: the answers' idents (Canvas's
 * original_answer_ids), how the item is presented and how it is scored.
 * Canvas's own importer (gems/plugins/qti_exporter) reads these shapes back
 * into the same question types.
 */
import type {
  ClozeQuestion,
  MatchingQuestion,
  MultipleQuestion,
  NumericQuestion,
  Question,
  ShortQuestion,
  SingleQuestion,
  TrueFalseQuestion,
} from '../bank/question.js';
import { compareStrings } from '../errors.js';
import { writtenOrder } from '../quiz/present.js';
import {
  RESPONSE,
  choiceList,
  material,
  respcondition,
  share,
  textEntry,
  varequal,
} from './qti-elements.js';
import { clozeHtml, plainNumber, toHtml, toText } from './text.js';
import { element, textElement, type XmlNode } from './xml.js';

/** Every type but ordering, which Canvas's QTI has no item for. */
export type QtiQuestion = Exclude<Question, { type: 'ordering' }>;

export interface ItemParts {
  answerIds: string[];
  present: (presentation: XmlNode) => void;
  score: (resprocessing: XmlNode) => void;
}

function singleChoice(question: SingleQuestion | MultipleQuestion): ItemParts {
  const options = writtenOrder(question).map((text, i) => ({
    ident: `choice${i + 1}`,
    text: toHtml(text),
    html: true,
    correct:
      question.type === 'single' ? text === question.answer : question.answers.includes(text),
  }));
  return {
    answerIds: options.map((o) => o.ident),
    present: (p) =>
      choiceList(
        p,
        RESPONSE,
        question.type === 'single' ? 'Single' : 'Multiple',
        !question.fixedOrder,
        options,
      ),
    score: (r) =>
      question.type === 'single'
        ? respcondition(r, (c) => varequal(c, options.find((o) => o.correct)!.ident), {
            action: 'Set',
            value: '100',
          })
        : respcondition(
            r,
            (c) => {
              const and = element(c, 'and');
              for (const o of options) varequal(o.correct ? and : element(and, 'not'), o.ident);
            },
            { action: 'Set', value: '100' },
          ),
  };
}

function trueFalse(question: TrueFalseQuestion): ItemParts {
  // Canvas recognises a true/false question by the answer texts "True" and "False".
  const options = [
    { ident: 'true', text: 'True', html: false },
    { ident: 'false', text: 'False', html: false },
  ];
  return {
    answerIds: options.map((o) => o.ident),
    present: (p) => choiceList(p, RESPONSE, 'Single', false, options),
    score: (r) =>
      respcondition(r, (c) => varequal(c, question.answer ? 'true' : 'false'), {
        action: 'Set',
        value: '100',
      }),
  };
}

function shortAnswer(question: ShortQuestion): ItemParts {
  const accepted = [question.answer, ...question.accept].map(toText);
  return {
    answerIds: accepted.map((_, i) => `answer${i + 1}`),
    present: (p) => textEntry(p),
    // Canvas ignores case in short answers, as handout does; it does not ignore punctuation.
    score: (r) =>
      respcondition(r, (c) => accepted.forEach((a) => varequal(c, a)), {
        action: 'Set',
        value: '100',
      }),
  };
}

/** A range end without binary noise: 0.3 - 0.1 is written 0.2, not 0.19999999999999998. */
function bound(value: number): string {
  return plainNumber(Number(value.toPrecision(15)));
}

function numeric(question: NumericQuestion): ItemParts {
  const exact = plainNumber(question.answer);
  return {
    answerIds: ['numeric1'],
    present: (p) => textEntry(p, true),
    score: (r) =>
      respcondition(
        r,
        (c) => {
          if (question.tolerance === 0) return varequal(c, exact);
          const or = element(c, 'or');
          varequal(or, exact);
          const and = element(or, 'and');
          textElement(and, 'vargte', bound(question.answer - question.tolerance), {
            respident: RESPONSE,
          });
          textElement(and, 'varlte', bound(question.answer + question.tolerance), {
            respident: RESPONSE,
          });
        },
        { action: 'Set', value: '100' },
      ),
  };
}

function matching(question: MatchingQuestion): ItemParts {
  // Canvas takes a match's id from the digits of its ident, so each has its own number.
  // Alphabetical order: a neutral order that does not line up with the left side.
  const rights = [...question.pairs.map((p) => p.right), ...question.distractors]
    .map(toText)
    .sort(compareStrings);
  const matches = rights.map((text, i) => ({ ident: `match${i + 1}`, text, html: false }));
  const identOf = (right: string) => matches.find((m) => m.text === toText(right))!.ident;
  return {
    answerIds: question.pairs.map((_, i) => `left${i + 1}`),
    present: (p) =>
      question.pairs.forEach((pair, i) =>
        choiceList(p, `response_left${i + 1}`, 'Single', true, matches, toHtml(pair.left)),
      ),
    score: (r) =>
      question.pairs.forEach((pair, i) =>
        respcondition(
          r,
          (c) => varequal(c, identOf(pair.right), `response_left${i + 1}`),
          { action: 'Add', value: share(question.pairs.length) },
          undefined,
          'Yes',
        ),
      ),
  };
}

function fillInBlanks(question: ClozeQuestion): { text: string; parts: ItemParts } {
  const blanks: string[][] = [];
  // Canvas marks blanks as [blankN] in the HTML; brackets typed in the bank are written as entities.
  const body = clozeHtml(
    question.text,
    (answers, index) => {
      blanks[index] = answers.map(toText);
      return `[blank${index + 1}]`;
    },
    (html) => html.replace(/\[/g, '&#91;').replace(/\]/g, '&#93;'),
  );
  const ident = (b: number, a: number) => `blank${b + 1}_${a + 1}`;
  return {
    text: `<p>${toHtml(question.prompt)}</p><p>${body}</p>`,
    parts: {
      answerIds: blanks.flatMap((answers, b) => answers.map((_, a) => ident(b, a))),
      present: (p) =>
        blanks.forEach((answers, b) => {
          const lid = element(p, 'response_lid', { ident: `response_blank${b + 1}` });
          textElement(element(lid, 'material'), 'mattext', `blank${b + 1}`);
          const render = element(lid, 'render_choice');
          answers.forEach((answer, a) =>
            material(element(render, 'response_label', { ident: ident(b, a) }), answer, false),
          );
        }),
      score: (r) =>
        blanks.forEach((answers, b) =>
          respcondition(
            r,
            (c) => {
              const target = answers.length > 1 ? element(c, 'or') : c;
              answers.forEach((_, a) => varequal(target, ident(b, a), `response_blank${b + 1}`));
            },
            { action: 'Add', value: share(blanks.length) },
            undefined,
            'Yes',
          ),
        ),
    },
  };
}

/** Graded by hand in Canvas; the guidance is in the feedback, as QTI has no grader-only text. */
function essay(): ItemParts {
  return {
    answerIds: [],
    present: (p) => textEntry(p),
    score: (r) => respcondition(r, (c) => element(c, 'other')),
  };
}

export function partsOf(question: QtiQuestion): { text: string; parts: ItemParts } {
  const prompt = toHtml(question.prompt);
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { text: prompt, parts: singleChoice(question) };
    case 'true-false':
      return { text: prompt, parts: trueFalse(question) };
    case 'short':
      return { text: prompt, parts: shortAnswer(question) };
    case 'numeric':
      // Canvas numerical questions have no unit: it is shown after the question.
      return {
        text: question.unit === undefined ? prompt : `${prompt} (${toHtml(question.unit)})`,
        parts: numeric(question),
      };
    case 'cloze':
      return fillInBlanks(question);
    case 'matching':
      return { text: prompt, parts: matching(question) };
    case 'essay':
      return { text: prompt, parts: essay() };
  }
}
