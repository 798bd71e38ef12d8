/**
 * How one question is laid out on one copy: option letters, shuffled
 * matching columns, scrambled ordering items. Each question shuffles with
 * its own seed, so its layout depends on nothing else on the copy (except a
 * single-choice answer's letter, chosen by the copy's letter balancing).
 */
import type { Question, SingleQuestion, MultipleQuestion } from '../bank/question.js';
import { parseCloze } from '../bank/cloze.js';
import { letter } from '../util/text.js';
import { POSITIONAL } from '../bank/positional.js';
import type { Option, Presentation } from './copy.js';
import { shuffle, type Random } from './seed.js';

function lettered(texts: string[], correct: (text: string, index: number) => boolean): Option[] {
  return texts.map((text, i) => ({ letter: letter(i), text, correct: correct(text, i) }));
}

/**
 * fixed_order: as written (answers first, then distractors), positional
 * options last, because they refer to the others.
 */
export function writtenOrder(question: SingleQuestion | MultipleQuestion): string[] {
  const answers = question.type === 'single' ? [question.answer] : question.answers;
  const all = [...answers, ...question.distractors];
  return [...all.filter((o) => !POSITIONAL.test(o)), ...all.filter((o) => POSITIONAL.test(o))];
}

/** The answer's letter index when options are not shuffled. */
export function fixedAnswerIndex(question: SingleQuestion): number {
  return writtenOrder(question).indexOf(question.answer);
}

export function optionCount(question: SingleQuestion): number {
  return 1 + question.distractors.length;
}

/**
 * Lays out a question. `answerIndex` is where a shuffled single-choice answer
 * must land (decided by letter balancing across the copy).
 */
export function present(question: Question, rng: Random, answerIndex?: number): Presentation {
  switch (question.type) {
    case 'single': {
      let texts: string[];
      if (question.fixedOrder) {
        texts = writtenOrder(question);
      } else {
        texts = shuffle(question.distractors, rng);
        const at = answerIndex ?? Math.floor(rng() * (texts.length + 1));
        texts.splice(at, 0, question.answer);
      }
      const options = lettered(
        texts,
        (t, i) => i === texts.indexOf(question.answer) && t === question.answer,
      );
      return { type: 'single', options, correct: options.find((o) => o.correct)!.letter };
    }
    case 'multiple': {
      const texts = question.fixedOrder
        ? writtenOrder(question)
        : shuffle([...question.answers, ...question.distractors], rng);
      const options = lettered(texts, (t) => question.answers.includes(t));
      return {
        type: 'multiple',
        options,
        correct: options.filter((o) => o.correct).map((o) => o.letter),
      };
    }
    case 'true-false':
      return { type: 'true-false', correct: question.answer };
    case 'short': {
      const longest = Math.max(...[question.answer, ...question.accept].map((a) => [...a].length));
      return {
        type: 'short',
        answer: question.answer,
        accept: question.accept,
        width: Math.min(40, Math.max(10, Math.ceil(longest * 1.3))),
      };
    }
    case 'numeric':
      return {
        type: 'numeric',
        answer: question.answer,
        tolerance: question.tolerance,
        ...(question.unit === undefined ? {} : { unit: question.unit }),
      };
    case 'cloze': {
      const parts = parseCloze(question.text);
      return {
        type: 'cloze',
        parts,
        answers: parts.flatMap((p) => (p.kind === 'blank' ? [p.answers] : [])),
      };
    }
    case 'matching': {
      const rightTexts = avoidIdentity(
        shuffle([...question.pairs.map((p) => p.right), ...question.distractors], rng),
        question.pairs.map((p) => p.right),
      );
      const right = lettered(rightTexts, (t) => question.pairs.some((p) => p.right === t));
      const left = shuffle(question.pairs, rng).map((pair, i) => ({
        number: i + 1,
        text: pair.left,
        correct: right.find((o) => o.text === pair.right)!.letter,
      }));
      return { type: 'matching', left, right };
    }
    case 'ordering': {
      const texts = avoidIdentity(shuffle(question.items, rng), question.items);
      const options = lettered(texts, () => false);
      const correct = question.items
        .map((item) => options.find((o) => o.text === item)!.letter)
        .join('');
      return { type: 'ordering', options, correct };
    }
    case 'essay':
      return { type: 'essay', lines: question.lines, guidance: question.guidance };
  }
}

/**
 * A shuffle that happens to give back the written (correct) order would
 * print the answer; rotate by one instead. Deterministic, no extra randomness.
 */
function avoidIdentity(shuffled: string[], written: string[]): string[] {
  const same = written.every((item, i) => shuffled[i] === item);
  return same && shuffled.length > 1 ? [...shuffled.slice(1), shuffled[0]!] : shuffled;
}
