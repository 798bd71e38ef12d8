/**
 * Letter balancing for single-choice answers across one copy. A fair die
 * often puts the answer under the same letter four times running or favours
 * one letter; students notice. We choose each answer's letter greedily: the
 * least-used letter so far, never a fourth in a row, ties broken at random.
 */
import type { SingleQuestion } from '../bank/question.js';
import { fixedAnswerIndex, optionCount } from './present.js';
import type { Random } from './seed.js';

export const MAX_RUN = 3;

/** The answer index for each single-choice question, in print order. */
export function balanceAnswerLetters(
  questions: SingleQuestion[],
  rngFor: (q: SingleQuestion) => Random,
): number[] {
  const counts: number[] = [];
  const chosen: number[] = [];
  for (const question of questions) {
    const n = optionCount(question);
    while (counts.length < n) counts.push(0);
    let index: number;
    if (question.fixedOrder) {
      index = fixedAnswerIndex(question);
    } else {
      const run = trailingRun(chosen);
      const candidates = Array.from({ length: n }, (_, i) => i).filter(
        (i) => !(run.length >= MAX_RUN && run.letter === i),
      );
      const least = Math.min(...candidates.map((i) => counts[i]!));
      const best = candidates.filter((i) => counts[i] === least);
      index = best[Math.floor(rngFor(question)() * best.length)]!;
    }
    counts[index]!++;
    chosen.push(index);
  }
  return chosen;
}

function trailingRun(chosen: number[]): { letter: number; length: number } {
  const last = chosen[chosen.length - 1];
  if (last === undefined) return { letter: -1, length: 0 };
  let length = 0;
  for (let i = chosen.length - 1; i >= 0 && chosen[i] === last; i--) length++;
  return { letter: last, length };
}
