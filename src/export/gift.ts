/**
 * GIFT, as Moodle's question/format/gift/format.php reads it. Question text,
 * choices and feedback are HTML ("[html]"); answers a student types and the
 * right side of matching are plain text. Every "~ = # { } :" and "\" in
 * bank text is escaped with a backslash, so nothing typed in the bank can
 * open or close an answer block.
 *
 * GIFT cannot express ordering questions or cloze with more than one blank
 * (its "missing word" form has one); those are left out with a warning.
 */
import type {
  ClozeQuestion,
  MatchingQuestion,
  MultipleQuestion,
  NumericQuestion,
  Question,
  SingleQuestion,
} from '../bank/question.js';
import { parseCloze } from '../bank/cloze.js';
import type { Corpus } from '../corpus/article.js';
import { writtenOrder } from '../quiz/present.js';
import { feedbackHtml, sourceNote } from './feedback.js';
import { formatPercentage, splitHundred } from './fractions.js';
import { categoryPath } from './moodle.js';
import { blankCount, clozeHtml, oneLine, plainNumber, toHtml, toText } from './text.js';
import type { ExportInput, ExportResult, ExportWarning } from './types.js';

/** Moodle's repchar(): the characters GIFT gives a meaning to, and line breaks. */
export function escapeGift(text: string): string {
  return oneLine(text).replace(/[\\~=#{}:]/g, (ch) => `\\${ch}`);
}

/** Ids and tags go in a "// [id:...] [tag:...]" comment, which Moodle reads; "]" would end them. */
function commentValue(text: string): string {
  return oneLine(text).replace(/\]/g, ')');
}

/** Why a question cannot be written, or undefined when it can. */
function unsupported(question: Question): string | undefined {
  if (question.type === 'ordering') return 'GIFT has no ordering questions; left out';
  if (question.type === 'cloze' && blankCount(question.text) > 1)
    return 'GIFT’s fill-in-the-blank form has a single blank; cloze questions with several blanks are left out';
  // Moodle reads an answer block with "=" and "->" (and no "~") as matching.
  const typed =
    question.type === 'short'
      ? [question.answer, ...question.accept]
      : question.type === 'cloze'
        ? parseCloze(question.text).flatMap((p) => (p.kind === 'blank' ? p.answers : []))
        : [];
  if (typed.some((a) => toText(a).includes('->')))
    return 'an accepted answer contains "->", which Moodle’s GIFT import reads as a matching question; left out';
  return undefined;
}

function answerBlock(lines: string[], feedback: string): string {
  return `{\n${[...lines, `####${feedback}`].map((l) => `\t${l}`).join('\n')}\n}`;
}

/**
 * A choice as GIFT HTML. A leading "%" would be read as a weight ("%50%"),
 * by Moodle for wrong choices and by other readers for right ones, so it is
 * written as a character reference.
 */
function choiceHtml(text: string): string {
  return escapeGift(toHtml(text).replace(/^%/, '&#37;'));
}

function choices(question: SingleQuestion | MultipleQuestion): string[] {
  if (question.type === 'single') {
    return writtenOrder(question).map(
      (o) => `${o === question.answer ? '=' : '~'}${choiceHtml(o)}`,
    );
  }
  const gains = splitHundred(question.answers.length) ?? [];
  const losses = splitHundred(question.distractors.length) ?? [];
  return writtenOrder(question).map((o) => {
    const i = question.answers.indexOf(o);
    const weight = i >= 0 ? (gains[i] ?? 0) : -(losses[question.distractors.indexOf(o)] ?? 0);
    return `~%${formatPercentage(weight)}%${choiceHtml(o)}`;
  });
}

/** Typed answers carry an explicit full weight, as Moodle's own GIFT export writes them. */
function typed(answers: string[]): string[] {
  return answers.map((a) => `=%100%${escapeGift(toText(a))}`);
}

function numeric(question: NumericQuestion): string {
  const tolerance = question.tolerance > 0 ? `:${plainNumber(question.tolerance)}` : '';
  return `#${plainNumber(question.answer)}${tolerance}`;
}

function matching(question: MatchingQuestion): string[] {
  // "->" ends the left side, which is HTML and so has ">" only as "&gt;"; the right side is split at the first "->".
  const pairs = question.pairs.map(
    (p) => `=${escapeGift(toHtml(p.left))} -> ${escapeGift(toText(p.right))}`,
  );
  // A pair without a left side is Moodle's way of adding a wrong right-hand option.
  return [...pairs, ...question.distractors.map((d) => `= -> ${escapeGift(toText(d))}`)];
}

/** The missing-word form: the answer block stands where the blank is. */
function cloze(question: ClozeQuestion, feedback: string): string {
  const blank = parseCloze(question.text).find((p) => p.kind === 'blank');
  const answers = blank?.kind === 'blank' ? blank.answers : [];
  const block = `{${typed(answers).join(' ')} ####${feedback}}`;
  let body = clozeHtml(question.text, () => '\uE002', escapeGift);
  // Moodle prints "_____" only when text follows the block; a blank at the end gets it written out.
  if (body.endsWith('\uE002')) body = body.replace('\uE002', `_____${block}`);
  else body = body.replace('\uE002', block);
  return `${escapeGift(toHtml(question.prompt))}<br> ${body}`;
}

function questionText(question: Question): string {
  const prompt = escapeGift(toHtml(question.prompt));
  return question.type === 'numeric' && question.unit !== undefined
    ? `${prompt} (${escapeGift(toHtml(question.unit))})`
    : prompt;
}

function writeQuestion(question: Question, corpus: Corpus): string {
  const feedback = escapeGift(feedbackHtml(sourceNote(question, corpus), true));
  const head = `// [id:${commentValue(question.id)}]${question.tags.map((t) => ` [tag:${commentValue(t)}]`).join('')}\n::${escapeGift(question.id)}::[html]`;
  switch (question.type) {
    case 'single':
    case 'multiple':
      return `${head}${questionText(question)}${answerBlock(choices(question), feedback)}`;
    case 'true-false':
      return `${head}${questionText(question)}{${question.answer ? 'TRUE' : 'FALSE'}####${feedback}}`;
    case 'short':
      return `${head}${questionText(question)}${answerBlock(typed([question.answer, ...question.accept]), feedback)}`;
    case 'numeric':
      return `${head}${questionText(question)}{${numeric(question)}####${feedback}}`;
    case 'matching':
      return `${head}${questionText(question)}${answerBlock(matching(question), feedback)}`;
    case 'essay':
      return `${head}${questionText(question)}{####${feedback}}`;
    case 'cloze':
      return `${head}${cloze(question, feedback)}`;
    case 'ordering':
      throw new Error('ordering questions are filtered out before writing GIFT');
  }
}

export function exportGift(input: ExportInput): ExportResult {
  const blocks: string[] = [`// ${oneLine(input.title)}: exported by handout`];
  const skipped = new Map<string, string[]>();
  const unweighted: string[] = [];
  for (const group of input.groups) {
    const written = group.questions.filter((q) => {
      const reason = unsupported(q);
      if (reason) skipped.set(reason, [...(skipped.get(reason) ?? []), q.id]);
      return reason === undefined;
    });
    if (written.length === 0) continue;
    // Moodle takes the rest of the line as the category, without GIFT escapes.
    blocks.push(`$CATEGORY: ${oneLine(categoryPath(input, group))}`);
    for (const question of written) {
      if (question.points !== 1) unweighted.push(question.id);
      blocks.push(writeQuestion(question, input.corpus));
    }
  }
  const warnings: ExportWarning[] = [...skipped].map(([message, ids]) => ({
    format: 'gift',
    ids,
    message: `${message}: ${ids.join(', ')}`,
  }));
  if (unweighted.length > 0) {
    warnings.push({
      format: 'gift',
      ids: unweighted,
      message: `GIFT has no field for points, so Moodle gives every question 1 mark; set the marks of these questions in the quiz: ${unweighted.join(', ')}`,
    });
  }
  return {
    files: [{ path: `gift/${input.name}.txt`, data: `${blocks.join('\n\n')}\n` }],
    warnings,
  };
}
