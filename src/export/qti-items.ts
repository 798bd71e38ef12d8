/**
 * QTI 1.2 items the way Canvas writes and reads them (canvas-lms
 * lib/cc/qti/qti_items.rb on export, gems/plugins/qti_exporter on import):
 * the Canvas question type and points go in standard qtimetadatafield
 * elements, so every item stays valid against the IMS QTI ASI 1.2 schema.
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
import type { Corpus } from '../corpus/article.js';
import { compareStrings } from '../errors.js';
import { writtenOrder } from '../quiz/present.js';
import { feedbackHtml, sourceNote } from './feedback.js';
import { clozeHtml, plainNumber, toHtml, toText } from './text.js';
import { element, textElement, type XmlNode } from './xml.js';

export const CANVAS_TYPES: Record<Exclude<Question['type'], 'ordering'>, string> = {
  single: 'multiple_choice_question',
  multiple: 'multiple_answers_question',
  'true-false': 'true_false_question',
  short: 'short_answer_question',
  numeric: 'numerical_question',
  cloze: 'fill_in_multiple_blanks_question',
  matching: 'matching_question',
  essay: 'essay_question',
};

export type QtiQuestion = Exclude<Question, { type: 'ordering' }>;

const RESPONSE = 'response1';
const GENERAL_FEEDBACK = 'general_fb';

function metadata(item: XmlNode, fields: [string, string][]): void {
  const qtimetadata = element(element(item, 'itemmetadata'), 'qtimetadata');
  for (const [label, entry] of fields) {
    const field = element(qtimetadata, 'qtimetadatafield');
    textElement(field, 'fieldlabel', label);
    textElement(field, 'fieldentry', entry);
  }
}

function material(parent: XmlNode, text: string, html = true): void {
  textElement(element(parent, 'material'), 'mattext', text, html ? { texttype: 'text/html' } : {});
}

function choiceList(
  presentation: XmlNode,
  ident: string,
  cardinality: 'Single' | 'Multiple',
  shuffle: boolean,
  options: { ident: string; text: string; html: boolean }[],
  prompt?: string,
): void {
  const lid = element(presentation, 'response_lid', { ident, rcardinality: cardinality });
  if (prompt !== undefined) material(lid, prompt);
  const render = element(lid, 'render_choice', { shuffle: shuffle ? 'Yes' : 'No' });
  for (const option of options)
    material(element(render, 'response_label', { ident: option.ident }), option.text, option.html);
}

function textEntry(presentation: XmlNode, decimal = false): void {
  const str = element(presentation, 'response_str', { ident: RESPONSE, rcardinality: 'Single' });
  element(
    element(str, 'render_fib', decimal ? { fibtype: 'Decimal' } : {}),
    'response_label',
    decimal ? { ident: 'answer1' } : { ident: 'answer1', rshuffle: 'No' },
  );
}

/** A respcondition; `condition` fills its conditionvar. */
function respcondition(
  resprocessing: XmlNode,
  condition: (c: XmlNode) => void,
  score?: { action: 'Set' | 'Add'; value: string },
  feedback?: string,
  cont = 'No',
): void {
  const rc = element(resprocessing, 'respcondition', { continue: cont });
  condition(element(rc, 'conditionvar'));
  if (score) textElement(rc, 'setvar', score.value, { action: score.action, varname: 'SCORE' });
  if (feedback) element(rc, 'displayfeedback', { feedbacktype: 'Response', linkrefid: feedback });
}

function varequal(parent: XmlNode, value: string, respident = RESPONSE): void {
  textElement(parent, 'varequal', value, { respident });
}

/** Canvas's share of 100 per part, two decimals as Canvas writes it. */
function share(parts: number): string {
  return (100 / parts).toFixed(2);
}

interface ItemParts {
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

function partsOf(question: QtiQuestion): { text: string; parts: ItemParts } {
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

export function writeItem(section: XmlNode, question: QtiQuestion, corpus: Corpus): void {
  const { text, parts } = partsOf(question);
  const item = element(section, 'item', { ident: question.id, title: question.id });
  metadata(item, [
    ['question_type', CANVAS_TYPES[question.type]],
    ['points_possible', plainNumber(question.points)],
    ['original_answer_ids', parts.answerIds.join(',')],
    ['assessment_question_identifierref', `${question.id}-bank`],
  ]);
  const presentation = element(item, 'presentation');
  material(presentation, text);
  parts.present(presentation);
  const resprocessing = element(item, 'resprocessing');
  element(element(resprocessing, 'outcomes'), 'decvar', {
    maxvalue: '100',
    minvalue: '0',
    varname: 'SCORE',
    vartype: 'Decimal',
  });
  // Shown whatever the answer (Canvas's "neutral comments"): the source and evidence.
  respcondition(resprocessing, (c) => element(c, 'other'), undefined, GENERAL_FEEDBACK, 'Yes');
  parts.score(resprocessing);
  const feedback = element(
    element(element(item, 'itemfeedback', { ident: GENERAL_FEEDBACK }), 'flow_mat'),
    'material',
  );
  textElement(feedback, 'mattext', feedbackHtml(sourceNote(question, corpus), true), {
    texttype: 'text/html',
  });
}
