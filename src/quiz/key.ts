/**
 * The answer of each item in the notation of formats.md §5, which is also
 * what the answer-key grid prints and what `handout grade` compares with.
 */
import type { Presentation } from './copy.js';

export function keyNotation(presentation: Presentation): string {
  switch (presentation.type) {
    case 'single':
      return presentation.correct;
    case 'multiple':
      return presentation.correct.join('');
    case 'true-false':
      return presentation.correct ? 'T' : 'F';
    case 'short':
      return presentation.answer;
    case 'numeric':
      return String(presentation.answer);
    case 'cloze':
      return presentation.answers.map((a) => a[0] ?? '').join('|');
    case 'matching':
      return presentation.left.map((l) => `${l.number}${l.correct}`).join(' ');
    case 'ordering':
      return presentation.correct;
    case 'essay':
      return '';
  }
}
