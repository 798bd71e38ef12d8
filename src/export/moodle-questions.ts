/**
 * One Moodle XML <question> per bank question, in the shape format.php's
 * importer reads (import_headers and import_<type>), and for ordering the
 * shape qtype_ordering's import_from_xml reads. Question text, answers and
 * feedback are HTML (format="html"); short answers, numbers and the right
 * side of matching are plain text because Moodle compares them with what
 * the student types or picks.
 */
import type {
  ClozeQuestion,
  EssayQuestion,
  MatchingQuestion,
  MultipleQuestion,
  NumericQuestion,
  OrderingQuestion,
  Question,
  ShortQuestion,
  SingleQuestion,
  TrueFalseQuestion,
} from '../bank/question.js';
import type { Corpus } from '../corpus/article.js';
import { writtenOrder } from '../quiz/present.js';
import { feedbackHtml, guidanceHtml, sourceNote } from './feedback.js';
import { formatPercentage, splitHundred } from './fractions.js';
import { blankCount, clozeHtml, plainNumber, toHtml, toText } from './text.js';
import { element, textElement, type XmlNode } from './xml.js';

/** Moodle's default penalty for a wrong try in interactive mode (true/false uses 1, as Moodle does). */
const PENALTY = '0.3333333';

const MOODLE_TYPES: Record<Question['type'], string> = {
  single: 'multichoice',
  multiple: 'multichoice',
  'true-false': 'truefalse',
  short: 'shortanswer',
  numeric: 'numerical',
  cloze: 'multianswer',
  matching: 'matching',
  ordering: 'ordering',
  essay: 'essay',
};

/** Writes the question; returns a note for the teacher when Moodle cannot carry something exactly. */
export function writeQuestion(
  quiz: XmlNode,
  question: Question,
  corpus: Corpus,
): string | undefined {
  const node = element(quiz, 'question', { type: MOODLE_TYPES[question.type] });
  textElement(element(node, 'name'), 'text', question.id);
  const text = question.type === 'cloze' ? clozeQuestionText(question) : toHtml(question.prompt);
  textElement(element(node, 'questiontext', { format: 'html' }), 'text', text);
  const note = sourceNote(question, corpus);
  textElement(element(node, 'generalfeedback', { format: 'html' }), 'text', feedbackHtml(note));
  // A cloze question's mark is the sum of its blanks' weights: Moodle ignores defaultgrade for it.
  if (question.type !== 'cloze') textElement(node, 'defaultgrade', plainNumber(question.points));
  textElement(node, 'penalty', question.type === 'true-false' ? '1' : PENALTY);
  textElement(node, 'hidden', '0');
  textElement(node, 'idnumber', question.id);
  const warning = writeBody(node, question);
  if (question.tags.length > 0) {
    const tags = element(node, 'tags');
    for (const tag of question.tags) textElement(element(tags, 'tag'), 'text', tag);
  }
  return warning;
}

function writeBody(node: XmlNode, question: Question): string | undefined {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return writeMultichoice(node, question);
    case 'true-false':
      return writeTrueFalse(node, question);
    case 'short':
      return writeShort(node, question);
    case 'numeric':
      return writeNumeric(node, question);
    case 'cloze':
      return clozeWeightNote(question);
    case 'matching':
      return writeMatching(node, question);
    case 'ordering':
      return writeOrdering(node, question);
    case 'essay':
      return writeEssay(node, question);
  }
}

function combinedFeedback(node: XmlNode): void {
  for (const name of ['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback']) {
    textElement(element(node, name, { format: 'html' }), 'text', '');
  }
}

function answer(node: XmlNode, fraction: string, text: string, format = 'html'): XmlNode {
  const a = element(node, 'answer', { fraction, format });
  textElement(a, 'text', text);
  return a;
}

function writeMultichoice(
  node: XmlNode,
  question: SingleQuestion | MultipleQuestion,
): string | undefined {
  const correct = question.type === 'single' ? [question.answer] : question.answers;
  const gains = question.type === 'single' ? [100] : splitHundred(correct.length);
  const losses = question.type === 'single' ? [] : splitHundred(question.distractors.length);
  textElement(node, 'single', question.type === 'single' ? 'true' : 'false');
  textElement(node, 'shuffleanswers', question.fixedOrder ? 'false' : 'true');
  // Letters, as on the printed copies.
  textElement(node, 'answernumbering', 'ABCD');
  textElement(node, 'showstandardinstruction', '0');
  combinedFeedback(node);
  if (question.type === 'multiple') element(node, 'shownumcorrect');
  for (const option of writtenOrder(question)) {
    const i = correct.indexOf(option);
    const fraction =
      i >= 0
        ? (gains?.[i] ?? 0)
        : question.type === 'single'
          ? 0
          : -(losses?.[question.distractors.indexOf(option)] ?? 0);
    answer(node, formatPercentage(fraction), toHtml(option));
  }
  if (!gains || (question.distractors.length > 0 && !losses)) {
    return 'a multiple-answer question needs grades from Moodle’s fixed list that add up to 100%, which is impossible with more than 20 correct or wrong answers; edit the grades in Moodle after import';
  }
  return undefined;
}

function writeTrueFalse(node: XmlNode, question: TrueFalseQuestion): undefined {
  // format.php matches the answers on the texts "true" and "false".
  answer(node, question.answer ? '100' : '0', 'true', 'moodle_auto_format');
  answer(node, question.answer ? '0' : '100', 'false', 'moodle_auto_format');
  return undefined;
}

/** qtype_shortanswer treats "*" as a wildcard; "\*" is a literal star. */
export function shortAnswerText(markdown: string): string {
  return toText(markdown).replace(/\*/g, '\\*');
}

function writeShort(node: XmlNode, question: ShortQuestion): undefined {
  // Case is ignored, as in handout; Moodle does not ignore punctuation.
  textElement(node, 'usecase', '0');
  for (const text of [question.answer, ...question.accept])
    answer(node, '100', shortAnswerText(text), 'moodle_auto_format');
  return undefined;
}

function writeNumeric(node: XmlNode, question: NumericQuestion): undefined {
  const a = answer(node, '100', plainNumber(question.answer), 'moodle_auto_format');
  textElement(a, 'tolerance', plainNumber(question.tolerance));
  if (question.unit !== undefined) {
    const unit = element(element(node, 'units'), 'unit');
    textElement(unit, 'multiplier', '1');
    textElement(unit, 'unit_name', toText(question.unit));
  }
  // Units are shown next to the box but not graded (qtype_numerical::UNITDISPLAY), or not used.
  textElement(node, 'unitgradingtype', '0');
  textElement(node, 'unitpenalty', '0.1000000');
  textElement(node, 'showunits', question.unit === undefined ? '3' : '2');
  textElement(node, 'unitsleft', '0');
  return undefined;
}

function writeMatching(node: XmlNode, question: MatchingQuestion): undefined {
  textElement(node, 'shuffleanswers', 'true');
  combinedFeedback(node);
  element(node, 'shownumcorrect');
  const subquestion = (left: string, right: string) => {
    const sub = element(node, 'subquestion', { format: 'html' });
    textElement(sub, 'text', left);
    textElement(element(sub, 'answer'), 'text', right);
  };
  for (const pair of question.pairs) subquestion(toHtml(pair.left), toText(pair.right));
  // Moodle's own way to offer extra right-hand options: subquestions without text.
  for (const distractor of question.distractors) subquestion('', toText(distractor));
  return undefined;
}

function writeOrdering(node: XmlNode, question: OrderingQuestion): undefined {
  textElement(node, 'layouttype', 'VERTICAL');
  textElement(node, 'selecttype', 'ALL');
  textElement(node, 'selectcount', question.items.length);
  // Credit per neighbouring pair kept in order (qtype_ordering's default), as handout grade gives it.
  textElement(node, 'gradingtype', 'RELATIVE_NEXT_EXCLUDE_LAST');
  textElement(node, 'showgrading', 'SHOW');
  combinedFeedback(node);
  // Answers are written in the correct order; Moodle shuffles them for students.
  question.items.forEach((item, i) => answer(node, String(i + 1), toHtml(item)));
  return undefined;
}

function writeEssay(node: XmlNode, question: EssayQuestion): undefined {
  textElement(node, 'responseformat', 'editor');
  textElement(node, 'responserequired', '1');
  textElement(node, 'responsefieldlines', question.lines);
  textElement(node, 'attachments', '0');
  textElement(node, 'attachmentsrequired', '0');
  textElement(
    element(node, 'graderinfo', { format: 'html' }),
    'text',
    guidanceHtml(question.guidance),
  );
  textElement(element(node, 'responsetemplate', { format: 'html' }), 'text', '');
  return undefined;
}

/**
 * Moodle reads a blank's answer up to the first "~", "#" or "}" that is not
 * preceded by "\" or "&", then html_entity_decode()s it and turns only "\}"
 * and "\#" back (qtype_multianswer_extract_question), so a "\~" would keep
 * its backslash. Numeric character references (&#126; ...) carry every
 * special character exactly; the "\*" of a literal star reaches
 * qtype_shortanswer intact.
 */
export function clozeAnswer(markdown: string): string {
  return shortAnswerText(markdown)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\\~#{}/]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Integer weight per blank: Moodle's syntax {N:SHORTANSWER:...} takes whole numbers only. */
export function clozeWeight(question: ClozeQuestion): number {
  const blanks = blankCount(question.text);
  const share = question.points / blanks;
  return Number.isInteger(share) && share >= 1 ? share : 1;
}

function clozeWeightNote(question: ClozeQuestion): string | undefined {
  const total = clozeWeight(question) * blankCount(question.text);
  return total === question.points
    ? undefined
    : 'a Moodle cloze question is worth the sum of its blanks’ marks, which must be whole numbers; these questions’ points do not split evenly over their blanks, so each blank counts 1 mark (the blanks still weigh the same; set the question’s mark in the quiz to its points)';
}

function clozeQuestionText(question: ClozeQuestion): string {
  const weight = clozeWeight(question);
  const body = clozeHtml(
    question.text,
    (answers) => `{${weight}:SHORTANSWER:${answers.map((a) => `=${clozeAnswer(a)}`).join('~')}}`,
    // Braces in the text around the blanks must not look like a blank to Moodle.
    (html) => html.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;'),
  );
  return `<p>${toHtml(question.prompt)}</p><p>${body}</p>`;
}
