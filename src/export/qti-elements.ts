/**
 * The QTI 1.2 elements handout's items are built from, written as Canvas
 * writes them (canvas-lms lib/cc/qti/qti_items.rb): item metadata fields,
 * HTML material, choice lists, text entries and the response conditions
 * that score them.
 */
import { element, textElement, type XmlNode } from './xml.js';

/** The ident of an item's one response (a matching or cloze item has one per part). */
export const RESPONSE = 'response1';

export function metadata(item: XmlNode, fields: [string, string][]): void {
  const qtimetadata = element(element(item, 'itemmetadata'), 'qtimetadata');
  for (const [label, entry] of fields) {
    const field = element(qtimetadata, 'qtimetadatafield');
    textElement(field, 'fieldlabel', label);
    textElement(field, 'fieldentry', entry);
  }
}

export function material(parent: XmlNode, text: string, html = true): void {
  textElement(element(parent, 'material'), 'mattext', text, html ? { texttype: 'text/html' } : {});
}

export function choiceList(
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

export function textEntry(presentation: XmlNode, decimal = false): void {
  const str = element(presentation, 'response_str', { ident: RESPONSE, rcardinality: 'Single' });
  element(
    element(str, 'render_fib', decimal ? { fibtype: 'Decimal' } : {}),
    'response_label',
    decimal ? { ident: 'answer1' } : { ident: 'answer1', rshuffle: 'No' },
  );
}

/** A respcondition; `condition` fills its conditionvar. */
export function respcondition(
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

export function varequal(parent: XmlNode, value: string, respident = RESPONSE): void {
  textElement(parent, 'varequal', value, { respident });
}

/** Canvas's share of 100 per part, two decimals as Canvas writes it. */
export function share(parts: number): string {
  return (100 / parts).toFixed(2);
}
