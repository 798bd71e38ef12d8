/**
 * A class's two printed packs (the students' copies, and their marking
 * grids or full keys), each one PDF of many parts: one part a student, so
 * that --split can cut each student's own PDF from the printed pages.
 * Where the layout allows it, a part is rendered once together with the
 * student's own HTML page (renderPair), instead of twice.
 */
import type { QuizCopy, Student } from '../quiz/copy.js';
import type { QuizRenderContext } from '../render/quiz-context.js';
import { renderCopy } from '../render/quiz-copy.js';
import { pairsAllowed, renderPair } from '../render/page.js';
import type { StudentPage } from './class-pages.js';
import {
  assetsUrlFor,
  pdfPath,
  type LazyPlan,
  type PlannedDocument,
  type PlannedPart,
} from './plan.js';
import { studentTitle, type QuizPlanning } from './quiz-planning.js';

/** A student's own page (copy or key) as planned, and how to render it elsewhere too. */
export interface OwnPage {
  document: PlannedDocument;
  page: StudentPage;
}

/** What the packs are made of, as class-plan.ts has worked it out. */
export interface ClassPacks {
  roster: { name: string; students: Student[] };
  packFolder: string;
  /** Each student's file name in copies/. */
  names: string[];
  copyAt(i: number): QuizCopy;
  /** Full keys (--full-keys) rather than marking grids. */
  full: boolean;
  /** A student's key: a marking grid or a full key. */
  answers(copy: QuizCopy, context: QuizRenderContext): string;
  /** Each student's own [copy, key] pages, where this thread writes them. */
  ownPages: OwnPage[][];
}

export function planClassPacks(plan: LazyPlan, planning: QuizPlanning, packs: ClassPacks): void {
  const { content, blueprint, options } = planning;
  const { roster, packFolder, names, copyAt, full, answers, ownPages } = packs;
  const packContext = planning.context(`${packFolder}/class-pack.html`);
  // The pages this thread writes are rendered once each with their parts.
  const paired = pairsAllowed(content.bank.questions, blueprint, roster, content.corpus.articles);
  const copyParts: PlannedPart[] = [];
  const keyParts: PlannedPart[] = [];
  roster.students.forEach((student, i) => {
    const base = `${packFolder}/copies/${names[i]}`;
    const part = { name: `copy-${i + 1}` };
    const split = (file: string, title: string, kind: string) =>
      options.split ? { split: { path: pdfPath(file), title, kind } } : {};
    const withPage = (own: OwnPage | undefined) =>
      own
        ? {
            page: {
              document: own.document,
              render: () =>
                renderPair(
                  (frame) => own.page.render(frame),
                  { assetsUrl: assetsUrlFor(own.document.path) },
                  { name: part.name, assetsUrl: packContext.assetsUrl },
                ),
            },
          }
        : {};
    const [ownCopy, ownKey] = paired ? (ownPages[i] ?? []) : [];
    copyParts.push({
      ...part,
      render: () => renderCopy(copyAt(i), { ...packContext, part }),
      ...withPage(ownCopy),
      ...split(`${base}.html`, studentTitle(blueprint, student, false, full), 'quiz (pdf)'),
    });
    keyParts.push({
      ...part,
      render: () => answers(copyAt(i), { ...packContext, part }),
      ...withPage(ownKey),
      ...split(`${base}-key.html`, studentTitle(blueprint, student, true, full), 'key (pdf)'),
    });
  });
  const head = { ...packContext, part: { head: true } as const };
  // Each chunk of a pack starts with the same head, and the pack's margins are read from it.
  const once = (render: () => string) => {
    let html: string | undefined;
    return () => (html ??= render());
  };
  const group = `${blueprint.title} — ${roster.name}`;
  const pack = { duplex: options.duplex, dateSeed: options.seed };
  plan.packs.push(
    {
      ...pack,
      path: `${packFolder}/class-pack.pdf`,
      title: `${group}: student copies`,
      head: once(() => renderCopy(copyAt(0), head)),
      parts: copyParts,
      kind: 'class pack',
    },
    {
      ...pack,
      path: `${packFolder}/class-keys.pdf`,
      title: `${group}: ${full ? 'answer keys' : 'marking grids'}`,
      head: once(() => answers(copyAt(0), head)),
      parts: keyParts,
      kind: 'class keys',
    },
  );
}
