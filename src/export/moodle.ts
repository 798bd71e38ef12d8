/**
 * Moodle XML (question/format/xml/format.php). One file per export: a
 * category question per group ($course$/top/handout/<quiz or article>,
 * plus the section for a quiz), then the group's questions. Every type has
 * a Moodle counterpart; see moodle-questions.ts for each.
 */
import { writeQuestion } from './moodle-questions.js';
import { escapeHtml } from './text.js';
import { element, serializeXml, textElement, xmlDocument, type XmlNode } from './xml.js';
import type { ExportGroup, ExportInput, ExportResult, ExportWarning } from './types.js';

export const MOODLE_CATEGORY_ROOT = '$course$/top/handout';

/**
 * Moodle splits category paths on "/"; a "/" inside a name is written "//",
 * and a name may not start or end with one (qformat_default::
 * assemble_category_path does the same). Names are cleaned as PARAM_TEXT,
 * which strips tags, and shown as HTML: "<" and "&" are written as entities.
 */
export function categoryName(name: string): string {
  let escaped = escapeHtml(name.replace(/\s+/g, ' ').trim()).replace(/\//g, '//');
  if (escaped.startsWith('/')) escaped = ` ${escaped}`;
  if (escaped.endsWith('/')) escaped = `${escaped} `;
  return escaped;
}

export function categoryPath(input: ExportInput, group: ExportGroup): string {
  const names = input.quiz ? [input.title, group.title] : [group.title];
  return [MOODLE_CATEGORY_ROOT, ...names.map(categoryName)].join('/');
}

function categoryInfo(input: ExportInput, group: ExportGroup): string {
  if (!input.quiz || group.pick === undefined) return '';
  return `Each copy of the quiz draws ${group.pick} of these questions.`;
}

function writeCategory(quiz: XmlNode, input: ExportInput, group: ExportGroup): void {
  const category = element(quiz, 'question', { type: 'category' });
  textElement(element(category, 'category'), 'text', categoryPath(input, group));
  textElement(element(category, 'info', { format: 'html' }), 'text', categoryInfo(input, group));
}

export function exportMoodle(input: ExportInput): ExportResult {
  const quiz = xmlDocument('quiz');
  const warnings: ExportWarning[] = [];
  const notes = new Map<string, string[]>();
  for (const group of input.groups) {
    if (group.questions.length === 0) continue;
    writeCategory(quiz, input, group);
    for (const question of group.questions) {
      const note = writeQuestion(quiz, question, input.corpus);
      if (note) notes.set(note, [...(notes.get(note) ?? []), question.id]);
    }
  }
  for (const [message, ids] of notes)
    warnings.push({ format: 'moodle', ids, message: `${message}: ${ids.join(', ')}` });
  return { files: [{ path: `moodle/${input.name}.xml`, data: serializeXml(quiz) }], warnings };
}
