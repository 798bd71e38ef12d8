/** The exports `handout build` writes: the whole bank, and each quiz, in every format. */
import type { Content } from '../content.js';
import { emptyPlan, type BuildPlan } from './plan.js';

export function planExports(_content: Content): BuildPlan {
  return emptyPlan();
}
