/**
 * A class: each student's copy and key as HTML (written if HTML is wanted,
 * shown by the preview), the explanations booklet its marking grids point
 * to, and two packs printed as few documents (class-packs.ts). Copies are
 * drawn when first needed: with another thread writing some of the pages
 * (class-pages.ts), this one never lays out that thread's copies unless
 * it prints them.
 */
import path from 'node:path';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { classDraw } from '../quiz/draw.js';
import { renderMarkingGrid } from '../render/marking-grid.js';
import { bookletOf, renderExplanations, type ExplanationsBooklet } from '../render/explanations.js';
import type { QuizRenderContext } from '../render/quiz-context.js';
import { renderKey } from '../render/quiz-key.js';
import {
  MAIN_THREAD,
  claimStudent,
  classPagesRenderer,
  shareClassPages,
  startClassWorker,
  studentClaims,
  type ClassPagesSetup,
  type StudentPage,
} from './class-pages.js';
import { planClassPacks, type OwnPage } from './class-packs.js';
import { documentNames, fileSafe, pdfPath, type LazyPlan } from './plan.js';
import { quizDocument, quizFolder, studentTitle, type QuizPlanning } from './quiz-planning.js';

export function planClass(
  plan: LazyPlan,
  roster: { name: string; students: Student[] },
  planning: QuizPlanning,
): void {
  const { content, blueprint, options } = planning;
  const students = roster.students;
  if (students.length === 0) return;
  const packFolder = `${quizFolder(blueprint)}/${fileSafe(roster.name)}`;
  // The packs, the booklet and copies/ hold exactly this run's documents
  // for this roster, none it does not write (the booklet with --full-keys,
  // packs with --format html, copies as PDF without --split): a teacher
  // printing the folder must not print a copy of a student taken off the
  // roster, or of another seed.
  plan.owned.push(
    { folder: packFolder, names: /^(?:class-pack|class-keys)\.pdf$|^explanations\.(?:html|pdf)$/ },
    { folder: `${packFolder}/copies`, names: documentNames('.+') },
  );
  const draw = classDraw(content.bank.questions, blueprint, options.seed);
  const drawn: QuizCopy[] = [];
  const copyAt = (i: number): QuizCopy => (drawn[i] ??= draw.copy(students[i]!));
  const full = options.fullKeys ?? false;
  const bookletPath = `${packFolder}/explanations.html`;
  const booklet = full
    ? undefined
    : bookletOf(students.length, (i) => draw.order(students[i]!).flat(), copyAt, draw.drawable);
  const bookletName = `the explanations booklet (${path.posix.basename(pdfPath(bookletPath))})`;
  const answers = (copy: QuizCopy, context: QuizRenderContext): string =>
    booklet ? renderMarkingGrid(copy, booklet, bookletName, context) : renderKey(copy, context);
  const names = copyFileNames(students);
  const ownPages = planning.html
    ? planOwnPages(plan, planning, {
        students,
        packFolder,
        names,
        copyAt,
        full,
        booklet,
        bookletName,
      })
    : [];
  if (booklet) {
    const title = `Answers and explanations — ${blueprint.title} — ${roster.name}`;
    const context = planning.context(bookletPath);
    plan.documents.push(
      quizDocument(
        bookletPath,
        () => renderExplanations(booklet, copyAt(0), { title, group: roster.name }, context),
        title,
        'explanations',
        planning,
      ),
    );
  }
  if (!planning.pdf) return;
  planClassPacks(plan, planning, { roster, packFolder, names, copyAt, full, answers, ownPages });
}

/**
 * Each student's own copy and key pages, in roster order. The other
 * thread, if one shares the work, takes students from the back of the
 * roster, drawing them itself; each of this thread's pages is rendered
 * only if this thread takes its student first (PlannedDocument.claim).
 */
function planOwnPages(
  plan: LazyPlan,
  planning: QuizPlanning,
  own: {
    students: Student[];
    packFolder: string;
    names: string[];
    copyAt(i: number): QuizCopy;
    full: boolean;
    booklet: ExplanationsBooklet | undefined;
    bookletName: string;
  },
): OwnPage[][] {
  const { content, blueprint, options } = planning;
  const { students, packFolder, names, copyAt, full, booklet, bookletName } = own;
  const setup: ClassPagesSetup = {
    templateDirs: content.project.templateDirs,
    corpus: content.corpus,
    packFolder,
    ...(booklet ? { booklet: { numbers: new Map(booklet.numbers), name: bookletName } } : {}),
    ...(blueprint.answerSheet ? { answerSheet: blueprint.answerSheet } : {}),
  };
  const claims =
    options.shareThreads && shareClassPages(students.length)
      ? studentClaims(students.length)
      : undefined;
  if (claims)
    plan.batches.push(
      startClassWorker({
        setup,
        questions: content.bank.questions,
        blueprint,
        seed: options.seed,
        students,
        names,
        claims,
      }),
    );
  const renderer = classPagesRenderer(setup, planning.items);
  const ownPages: OwnPage[][] = [];
  for (let i = 0; i < students.length; i++) {
    const claim = claims && { claim: () => claimStudent(claims, i, MAIN_THREAD) };
    // The copy's own page; its PDF, if wanted, is cut from the printed pack.
    const [copyPage, keyPage] = renderer.pages(() => copyAt(i), names[i]!);
    const page = (studentPage: StudentPage, title: string, kind: string): OwnPage => ({
      document: {
        ...quizDocument(studentPage.path, () => studentPage.render(), title, kind, planning),
        writePdf: false,
        ...claim,
      },
      page: studentPage,
    });
    ownPages[i] = [
      page(copyPage, studentTitle(blueprint, students[i]!, false, full), 'quiz'),
      page(keyPage, studentTitle(blueprint, students[i]!, true, full), 'key'),
    ];
    plan.documents.push(...ownPages[i]!.map((own) => own.document));
  }
  return ownPages;
}

/** File names from student ids, made safe; a repeated one gets its roster row. */
function copyFileNames(students: readonly Student[]): string[] {
  const used = new Set<string>();
  return students.map((student) => {
    let name = fileSafe(student.id);
    if (used.has(name)) name = `${name}-row${student.row}`;
    used.add(name);
    return name;
  });
}
