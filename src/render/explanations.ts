/**
 * The explanations booklet of a class: every question of its copies once
 * (answer, explanation, evidence, sources), numbered so that each copy's
 * marking grid can point to it instead of repeating it.
 */
import type { Question } from '../bank/question.js';
import type { CopyItem, QuizCopy } from '../quiz/copy.js';
import { renderTemplate } from './env.js';
import { pageFrame } from './page.js';
import { quizView, type QuizRenderContext } from './quiz-context.js';
import { keyItem } from './quiz-key.js';

/**
 * Where each question of a class's copies is explained: numbered once, in
 * the order the questions first appear (first copy first), so the compact
 * keys can point every copy's items to one shared explanations booklet.
 */
export interface ExplanationsBooklet {
  /** Question id → its number in the booklet. */
  numbers: ReadonlyMap<string, number>;
  /** The first copy item of each question, in booklet order. */
  items: CopyItem[];
}

export function explanationsBooklet(copies: readonly QuizCopy[]): ExplanationsBooklet {
  return bookletOf(
    copies.length,
    (i) => copies[i]!.items.map((item) => item.question),
    (i) => copies[i]!,
  );
}

/**
 * The same booklet from each copy's questions in order (`questions(i)`),
 * without every copy laid out: only a copy where a question first appears
 * is asked for (`copy(i)`), for that question's item. `drawable`: how many
 * different questions the copies can hold at most (ClassDraw.drawable);
 * once all are numbered, the other copies are not looked at (under vary:
 * order, the first copy numbers them all).
 */
export function bookletOf(
  count: number,
  questions: (index: number) => readonly Question[],
  copy: (index: number) => QuizCopy,
  drawable = Infinity,
): ExplanationsBooklet {
  const numbers = new Map<string, number>();
  const items: CopyItem[] = [];
  for (let i = 0; i < count && numbers.size < drawable; i++)
    for (const question of questions(i)) {
      if (numbers.has(question.id)) continue;
      numbers.set(question.id, numbers.size + 1);
      items.push(copy(i).items.find((item) => item.question.id === question.id)!);
    }
  return { numbers, items };
}

/** Every question of a class's copies once: answer (as text), explanation, evidence, sources. */
export function renderExplanations(
  booklet: ExplanationsBooklet,
  first: QuizCopy,
  header: { title: string; group: string },
  context: QuizRenderContext,
): string {
  return renderTemplate(context.env, 'quiz/explanations.njk', {
    ...pageFrame({
      title: header.title,
      paper: first.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: `Explanations · ${first.title}`,
      headerRight: header.group,
      footerLeft: `${first.quizId} · seed ${first.seed} · ${header.group}`,
    }),
    quiz: { ...quizView(first), item_count: booklet.items.length },
    group: header.group,
    entries: booklet.items.map((item, i) => ({ ...keyItem(item, context), number: i + 1 })),
  });
}
