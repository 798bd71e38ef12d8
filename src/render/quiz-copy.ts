/** A student's copy (or a version) as HTML: quiz/copy.njk, from a drawn QuizCopy. */
import type { QuizCopy } from '../quiz/copy.js';
import { answerSheetView } from './answer-sheet.js';
import { renderTemplate } from './env.js';
import { pageFrame, type PageFrame } from './page.js';
import { fieldMarker } from './page-fill.js';
import { copyName, copyView, footer, quizView, type QuizRenderContext } from './quiz-context.js';
import { itemView, sectionKey } from './rendered-items.js';

export function renderCopy(copy: QuizCopy, context: QuizRenderContext): string {
  const view = copyPage(copy, context);
  if (!context.fills) return renderTemplate(context.env, 'quiz/copy.njk', view);
  // What differs from one student's copy to the next (see page-fill.ts).
  const { field, values } = fieldMarker();
  const shape = {
    ...view,
    ...studentFields(view, field),
    // The built-in copy.njk writes an item only as its HTML.
    sections: view.sections.map((section) => ({
      ...section,
      items: section.items.map((item) => ({ html: field(item.html) })),
    })),
    sheet: view.sheet && {
      ...view.sheet,
      pages: view.sheet.pages.map((page) => ({
        ...page,
        qr: field(page.qr),
        code_text: field(page.code_text),
      })),
    },
  };
  return context.fills.render('quiz/copy.njk', view, shape, values);
}

/** A page's fields that differ from one student's copy to the next, marked (see page-fill.ts). */
export function studentFields(
  view: PageFrame & { copy: ReturnType<typeof copyView> },
  field: <T>(value: T) => T | string,
) {
  return {
    title: field(view.title),
    header_right: field(view.header_right),
    footer_left: field(view.footer_left),
    copy: {
      ...view.copy,
      version: field(view.copy.version),
      version_label: field(view.copy.version_label),
      student: view.copy.student && {
        id: field(view.copy.student.id),
        name: field(view.copy.student.name),
        class: field(view.copy.student.class),
      },
    },
  };
}

/** What quiz/copy.njk renders a copy from. */
function copyPage(copy: QuizCopy, context: QuizRenderContext) {
  return {
    ...pageFrame({
      title: `${copy.title} — ${copyName(copy)}`,
      paper: copy.paper,
      assetsUrl: context.assetsUrl,
      headerLeft: copy.title,
      headerRight: copyName(copy),
      footerLeft: footer(copy),
      part: context.part,
    }),
    quiz: quizView(copy),
    copy: copyView(copy),
    sections: copy.sections.map((section) => {
      const view = {
        title: section.title,
        instructions: section.instructions,
        points: section.items.reduce((n, item) => n + item.points, 0),
      };
      const key = sectionKey(view, context.items);
      return {
        ...view,
        items: section.items.map((item) => itemView(item, view, key, context.env, context.items)),
      };
    }),
    sheet: context.answerSheet ? answerSheetView(copy, context.answerSheet) : undefined,
  };
}
