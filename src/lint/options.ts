/** Checks on the options of choice, matching, ordering and cloze questions. */
import type { ProblemList } from '../errors.js';
import type { Bank } from '../bank/load.js';
import type { Question } from '../bank/question.js';
import { parseCloze } from '../bank/cloze.js';
import { answerKey } from '../util/text.js';
import type { YamlPath } from '../util/yaml-source.js';

/** "All of the above" and friends only make sense if the options keep their order. */
const POSITIONAL = /\b(all|none|both|neither) of (the )?(above|these|those|the options)\b/i;

export function checkOptions(bank: Bank, problems: ProblemList): void {
  for (const question of bank.questions) {
    const report = (
      path: YamlPath,
      code: string,
      message: string,
      severity: 'error' | 'warning' = 'error',
    ): void =>
      problems[severity](
        bank.locate(question.id, path),
        code,
        `question "${question.id}": ${message}`,
        question.id,
      );
    checkQuestion(question, report);
  }
}

type Report = (
  path: YamlPath,
  code: string,
  message: string,
  severity?: 'error' | 'warning',
) => void;

function checkQuestion(question: Question, report: Report): void {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const answers = question.type === 'single' ? [question.answer] : question.answers;
      const answerField = question.type === 'single' ? 'answer' : 'answers';
      const answerPath = (i: number): YamlPath =>
        question.type === 'single' ? ['answer'] : ['answers', i];
      const answerKeys = new Map<string, number>();
      answers.forEach((answer, i) => {
        const key = answerKey(answer);
        if (answerKeys.has(key))
          report(
            answerPath(i),
            'duplicate-option',
            `the ${answerField} list has "${answer}" twice; remove the repeat`,
          );
        answerKeys.set(key, i);
      });
      const distractorKeys = new Set<string>();
      question.distractors.forEach((distractor, i) => {
        const key = answerKey(distractor);
        if (answerKeys.has(key)) {
          report(
            ['distractors', i],
            'answer-is-distractor',
            `the distractor "${distractor}" is the same as a correct answer; a student choosing it would be both right and wrong, so change or remove it`,
          );
        } else if (distractorKeys.has(key)) {
          report(
            ['distractors', i],
            'duplicate-option',
            `the distractor "${distractor}" is listed twice; remove the repeat`,
          );
        }
        distractorKeys.add(key);
      });
      const distinct = new Set([...answerKeys.keys(), ...distractorKeys]).size;
      const needed = question.type === 'single' ? 3 : 2;
      const distinctDistractors = [...distractorKeys].filter((k) => !answerKeys.has(k)).length;
      if (distinct < needed || distinctDistractors < (question.type === 'single' ? 2 : 1)) {
        report(
          ['distractors'],
          'too-few-options',
          `a ${question.type === 'single' ? 'single-choice question needs the answer and at least 2 different distractors' : 'multiple-choice question needs at least 1 distractor that differs from the answers'}; it has ${distinct} different options`,
        );
      }
      if (!question.fixedOrder) {
        const options = [...answers, ...question.distractors];
        const positional = options.find((o) => POSITIONAL.test(o));
        if (positional !== undefined) {
          report(
            ['distractors'],
            'positional-option',
            `the option "${positional}" refers to the other options' positions, but options are shuffled; add "fixed_order: true" or reword the option`,
          );
        }
      }
      return;
    }
    case 'short': {
      const key = answerKey(question.answer);
      if (key === '')
        report(
          ['answer'],
          'empty-answer',
          'the answer has no letters or digits once punctuation is ignored, so no response could match it; write the expected words',
        );
      question.accept.forEach((alt, i) => {
        if (answerKey(alt) === key)
          report(
            ['accept', i],
            'redundant-accept',
            `"${alt}" matches the answer already (case, spacing and punctuation are ignored); remove it`,
            'warning',
          );
      });
      return;
    }
    case 'cloze': {
      const blanks = parseCloze(question.text).filter((p) => p.kind === 'blank');
      if (blanks.length === 0)
        report(
          ['text'],
          'cloze-without-blanks',
          'the text has no blanks; mark each one with double brackets, like [[New START]] or [[ICBM|ICBMs]]',
        );
      blanks.forEach((blank) => {
        if (blank.kind === 'blank' && blank.answers.length === 0)
          report(
            ['text'],
            'empty-blank',
            `blank ${blank.index + 1} is empty ("[[]]"); put the missing word between the brackets`,
          );
      });
      return;
    }
    case 'matching': {
      duplicates(question.pairs.map((p) => p.left)).forEach((i) =>
        report(
          ['pairs', i, 'left'],
          'duplicate-left',
          `the left side "${question.pairs[i]!.left}" appears twice; every left side must be different`,
        ),
      );
      duplicates(question.pairs.map((p) => p.right)).forEach((i) =>
        report(
          ['pairs', i, 'right'],
          'duplicate-right',
          `the right side "${question.pairs[i]!.right}" appears twice, so a student could not tell which pair it belongs to; make every right side different`,
        ),
      );
      const rights = new Set(question.pairs.map((p) => answerKey(p.right)));
      question.distractors.forEach((d, i) => {
        if (rights.has(answerKey(d)))
          report(
            ['distractors', i],
            'answer-is-distractor',
            `the extra option "${d}" is also a right side of a pair; remove it or change it`,
          );
      });
      return;
    }
    case 'ordering':
      duplicates(question.items).forEach((i) =>
        report(
          ['items', i],
          'duplicate-item',
          `the item "${question.items[i]!}" appears twice; every item must be different`,
        ),
      );
      return;
    default:
      return;
  }
}

/** Indexes of entries that repeat an earlier one (compared loosely). */
function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const repeats: number[] = [];
  values.forEach((value, i) => {
    const key = answerKey(value);
    if (seen.has(key)) repeats.push(i);
    seen.add(key);
  });
  return repeats;
}
