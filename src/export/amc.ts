/**
 * AMC-TXT, the plain-text source format of Auto Multiple Choice (read by
 * AMC-perl/AMC/Filter/plain.pm), for single- and multiple-choice questions:
 * a teacher compiles it in AMC, prints the scannable sheets and marks them
 * with AMC's optical reader. Other types cannot be marked by box-ticking
 * and are left out with a warning.
 *
 * Escaping: AMC-TXT's own markup ([_ _], [* *], ![image]!, [verbatim],
 * [== ==]) is switched off with the Disable option, so bank text prints as
 * typed (AMC escapes LaTeX specials itself); "[[...]]" (raw LaTeX) stays on
 * and is used for emphasis and to write a literal "[". Each question and
 * answer is one line, so no bank text can start a line with "*", "+", "-",
 * "#" or "Option:".
 *
 * The source of each question is written in "#" comments above it: AMC-TXT
 * has no feedback field, and anything else would be printed on the
 * student's sheet.
 */
import type { MultipleQuestion, Question, SingleQuestion } from '../bank/question.js';
import type { Corpus } from '../corpus/article.js';
import { inlineMarkdown } from '../render/markdown.js';
import { writtenOrder } from '../quiz/present.js';
import { feedbackLines, sourceNote } from './feedback.js';
import { oneLine, plainNumber } from './text.js';
import type { ExportInput, ExportResult, ExportWarning } from './types.js';

type ChoiceQuestion = SingleQuestion | MultipleQuestion;

const TAGS: Record<string, string> = {
  '<em>': '[[\\emph{]]',
  '</em>': '[[}]]',
  '<strong>': '[[\\textbf{]]',
  '</strong>': '[[}]]',
  '<code>': '[[\\texttt{]]',
  '</code>': '[[}]]',
};

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Inline Markdown → AMC-TXT text on one line. */
export function amcText(markdown: string): string {
  return oneLine(inlineMarkdown(markdown))
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (part.startsWith('<')) return TAGS[part] ?? '';
      // A "[" could start "[[...]]" raw LaTeX; "{[}" is a literal bracket in LaTeX.
      return part
        .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
        .replace(/\[/g, '[[{[}]]');
    })
    .join('');
}

/**
 * After the "*" or "+"/"-" come optional "[options]" and "{scoring}"; text
 * that itself starts with "[" or "{" gets an empty "{}" scoring first so
 * that AMC does not read it as options.
 */
function guarded(text: string): string {
  return /^[[{]/.test(text) ? `{}${text}` : ` ${text}`;
}

function isChoice(question: Question): question is ChoiceQuestion {
  return question.type === 'single' || question.type === 'multiple';
}

/** A points share as AMC takes it: directive values are Perl expressions, so "2/3" is exact. */
function share(points: number, parts: number): string {
  const value = points / parts;
  return Number.isInteger(value) ? String(value) : `${plainNumber(points)}/${parts}`;
}

/**
 * Scoring that gives what handout grade gives (docs/grading.md): a single
 * answer earns the points (b=); for several answers each right box ticked
 * earns points/(right answers), each wrong box ticked costs
 * points/(wrong answers), never below 0 (p=0). AMC scores a multiple
 * question box by box: b= when the box is handled well, m= when not
 * (AMC-perl/AMC/Scoring.pm).
 */
function questionScoring(question: ChoiceQuestion): string {
  return question.type === 'single' ? `b=${plainNumber(question.points)}` : 'p=0';
}

function answerScoring(question: ChoiceQuestion, correct: boolean): string | undefined {
  if (question.type === 'single') return undefined;
  return correct
    ? `b=${share(question.points, question.answers.length)},m=0`
    : `b=0,m=-${share(question.points, question.distractors.length)}`;
}

function writeQuestion(question: ChoiceQuestion, corpus: Corpus): string[] {
  const comments = feedbackLines(sourceNote(question, corpus)).map((l) => `# ${oneLine(l)}`);
  const options = [`id=${question.id}`, ...(question.fixedOrder ? ['ordered'] : [])].join(',');
  const stars = question.type === 'single' ? '*' : '**';
  const correct = question.type === 'single' ? [question.answer] : question.answers;
  // Question text after an explicit scoring block is never mistaken for options.
  const lines = [`${stars}[${options}]{${questionScoring(question)}} ${amcText(question.prompt)}`];
  for (const option of writtenOrder(question)) {
    const right = correct.includes(option);
    const scoring = answerScoring(question, right);
    // An answer with its own scoring block needs no guard.
    const text =
      scoring === undefined ? guarded(amcText(option)) : `{${scoring}} ${amcText(option)}`;
    lines.push(`${right ? '+' : '-'}${text}`);
  }
  return [...comments, ...lines];
}

export function exportAmc(input: ExportInput): ExportResult {
  const warnings: ExportWarning[] = [];
  const lines = [
    `# ${oneLine(input.title)}: exported by handout for Auto Multiple Choice (AMC-TXT)`,
    `Title: ${amcText(input.title)}`,
    ...(input.instructions === undefined ? [] : [`Presentation: ${amcText(input.instructions)}`]),
    'Disable: verbatim images embf title',
    '',
  ];
  const left = input.groups
    .flatMap((g) => g.questions)
    .filter((q) => !isChoice(q))
    .map((q) => q.id);
  if (left.length > 0)
    warnings.push({
      format: 'amc',
      ids: left,
      message: `AMC-TXT carries single- and multiple-choice questions only; left out: ${left.join(', ')}`,
    });
  for (const group of input.groups) {
    const questions = group.questions.filter(isChoice);
    if (questions.length === 0) continue;
    const pick = group.pick === undefined ? undefined : Math.min(group.pick, questions.length);
    if (group.pick !== undefined && pick !== group.pick) {
      const missing = group.questions.filter((q) => !isChoice(q)).map((q) => q.id);
      warnings.push({
        format: 'amc',
        ids: missing.length > 0 ? missing : questions.map((q) => q.id),
        message: `section “${group.title}” picks ${group.pick}, but only ${questions.length} of its questions are single or multiple choice, so AMC draws ${pick}; left out of it: ${missing.join(', ')}`,
      });
    }
    // A group; numquestions makes AMC draw that many per copy, like the blueprint's pick. The
    // options bracket is always written, so a title starting with "[" is not read as options.
    lines.push(
      `*([${pick === undefined ? '' : `numquestions=${pick}`}] ${amcText(group.title)}`,
      '',
    );
    for (const question of questions) lines.push(...writeQuestion(question, input.corpus), '');
    lines.push('*)', '');
  }
  return {
    files: [{ path: `amc/${input.name}.txt`, data: `${lines.join('\n').trimEnd()}\n` }],
    warnings,
  };
}
