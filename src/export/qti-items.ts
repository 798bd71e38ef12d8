/**
 * QTI 1.2 items the way Canvas writes and reads them (canvas-lms
 * lib/cc/qti/qti_items.rb on export, gems/plugins/qti_exporter on import):
 * the Canvas question type and points go in standard qtimetadatafield
 * elements, so every item stays valid against the IMS QTI ASI 1.2 schema.
 */
import type { Question } from '../bank/question.js';
import type { Corpus } from '../corpus/article.js';
import { feedbackHtml, sourceNote } from './feedback.js';
import { material, metadata, respcondition } from './qti-elements.js';
import { partsOf, type QtiQuestion } from './qti-question-types.js';
import { plainNumber } from './text.js';
import { element, textElement, type XmlNode } from './xml.js';

const CANVAS_TYPES: Record<Exclude<Question['type'], 'ordering'>, string> = {
  single: 'multiple_choice_question',
  multiple: 'multiple_answers_question',
  'true-false': 'true_false_question',
  short: 'short_answer_question',
  numeric: 'numerical_question',
  cloze: 'fill_in_multiple_blanks_question',
  matching: 'matching_question',
  essay: 'essay_question',
};

const GENERAL_FEEDBACK = 'general_fb';

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
