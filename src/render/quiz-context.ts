/**
 * The context a quiz's pages (copies, keys, marking grids, the explanations
 * booklet) are rendered in, and what each of them says about its copy: its
 * name, its footer, the quiz and copy views the templates read.
 */
import type { Corpus } from '../corpus/article.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import type { LayoutOptions } from '../sheet/layout.js';
import type { Environment } from './env.js';
import type { PagePart } from './page.js';
import type { PageFills } from './page-fill.js';
import type { RenderedItems } from './rendered-items.js';

export interface QuizRenderContext {
  env: Environment;
  corpus: Corpus;
  /** URL of out/assets as seen from the page (relative, e.g. "../../assets"). */
  assetsUrl: string;
  /** Rendering one copy of a pack printed as one document (see PagePart). */
  part?: PagePart;
  /** Items already rendered for other copies (see renderedItems); none means no reuse. */
  items?: RenderedItems;
  /** Add an answer sheet after the questions (blueprint `answer_sheet`). */
  answerSheet?: LayoutOptions;
  /** Copies filled into shapes rendered once (see classFills); none means each is rendered in full. */
  fills?: PageFills;
}

/** "Version A" or "Ana Pérez (s001)": how a copy is named on its pages. */
export function copyName(copy: QuizCopy): string {
  return copy.student ? studentCopyName(copy.student) : `Version ${copy.version}`;
}

export function studentCopyName(student: Student): string {
  return `${student.name} (${student.id})`;
}

export function footer(copy: QuizCopy): string {
  // Enough to regenerate exactly this copy: quiz, seed and version or student.
  const who = copy.student
    ? `student ${copy.student.id}, copy ${copy.version}`
    : `version ${copy.version}`;
  return `${copy.quizId} · seed ${copy.seed} · ${who}`;
}

export function quizView(copy: QuizCopy) {
  return {
    title: copy.title,
    instructions: copy.instructions,
    seed: copy.seed,
    item_count: copy.items.length,
    total_points: copy.totalPoints,
  };
}

export function copyView(copy: QuizCopy) {
  const className = copy.student?.extra.find(([column]) => column.toLowerCase() === 'class')?.[1];
  return {
    version: copy.version,
    version_label: copy.student
      ? `Copy ${copy.version} for ${copy.student.name}`
      : `Version ${copy.version}`,
    student: copy.student
      ? { id: copy.student.id, name: copy.student.name, class: className }
      : undefined,
  };
}
