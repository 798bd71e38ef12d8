/**
 * Plans a quiz's outputs: versions with their full keys, and for a roster a
 * class pack, the class keys (a marking grid per copy and one explanations
 * booklet, or --full-keys) and, as HTML, each student's copy and key.
 */
import path from 'node:path';
import type { Content } from '../content.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { classDraw, drawVersions } from '../quiz/draw.js';
import { readRoster } from '../quiz/roster.js';
import type { Problem } from '../errors.js';
import {
  bookletOf,
  copyName,
  renderCopy,
  renderExplanations,
  renderKey,
  renderedItems,
  studentCopyName,
  type QuizRenderContext,
  type RenderedItems,
} from '../render/quiz.js';
import { renderMarkingGrid } from '../render/marking-grid.js';
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
import { pairsAllowed, renderPair, type PagePart } from '../render/page.js';
import { templateEnvironment } from '../render/env.js';
import {
  assetsUrlFor,
  documentNames,
  emptyLazyPlan,
  fileSafe,
  pdfPath,
  type BuildPlan,
  type LazyDocument,
  type LazyPlan,
  type OutputFormat,
  type PlannedDocument,
  type PlannedPart,
} from './plan.js';

export interface QuizPlanOptions {
  seed: number;
  formats: OutputFormat[];
  /** Number of versions to make (ignored for roster packs). */
  versions: number;
  /** Students for a class pack; none means versions only. */
  roster?: { name: string; students: Student[] };
  /** Also make versions when a roster is given (what `build` does). */
  versionsWithRoster: boolean;
  /** Per-copy PDFs as well as the packs. */
  split: boolean;
  duplex: boolean;
  /**
   * Class keys as one full key per copy (explanations, evidence and sources
   * repeated in each) instead of one marking grid per copy plus one
   * explanations booklet.
   */
  fullKeys?: boolean;
  /**
   * Let another thread render and write half of a large class's own pages
   * (commands that write a run; not the preview, which renders one page at
   * a time).
   */
  shareThreads?: boolean;
}

export function quizFolder(blueprint: Blueprint): string {
  return `quizzes/${blueprint.id}`;
}

export function planQuiz(
  content: Content,
  blueprint: Blueprint,
  options: QuizPlanOptions,
): BuildPlan {
  return quizDocuments(content, blueprint, options);
}

/** What a quiz's documents share while they are planned. */
interface QuizPlanning {
  content: Content;
  blueprint: Blueprint;
  options: QuizPlanOptions;
  html: boolean;
  pdf: boolean;
  /** Questions already rendered, shared by every copy of the quiz. */
  items: RenderedItems;
  context(documentPath: string, part?: PagePart): QuizRenderContext;
}

/** The quiz's documents and packs, drawn but not yet rendered. */
export function quizDocuments(
  content: Content,
  blueprint: Blueprint,
  options: QuizPlanOptions,
): LazyPlan {
  const plan = emptyLazyPlan();
  plan.seeds[blueprint.id] = options.seed;
  const env = templateEnvironment(content.project.templateDirs);
  // One cache for every copy of the quiz: each question is rendered once per option order.
  const items = renderedItems();
  const planning: QuizPlanning = {
    content,
    blueprint,
    options,
    html: options.formats.includes('html'),
    pdf: options.formats.includes('pdf'),
    items,
    context: (documentPath, part) => ({
      env,
      corpus: content.corpus,
      assetsUrl: assetsUrlFor(documentPath),
      items,
      ...(blueprint.answerSheet ? { answerSheet: blueprint.answerSheet } : {}),
      ...(part ? { part } : {}),
    }),
  };
  if (!options.roster || options.versionsWithRoster) planVersions(plan, planning);
  if (options.roster) planClass(plan, options.roster, planning);
  return plan;
}

/** Each version is a document of its own, printed alone (tagged), with its full key. */
function planVersions(plan: LazyPlan, planning: QuizPlanning): void {
  const { content, blueprint, options } = planning;
  const folder = quizFolder(blueprint);
  // The folder's versions and keys are this run's: a version C of a run
  // with more versions, or a PDF this run does not print, would be
  // printed with them. A class's folder inside is another run's.
  plan.owned.push({ folder, names: documentNames('version-[A-Z]+(?:-key)?') });
  const versions = drawVersions(content.bank.questions, blueprint, options.seed, options.versions);
  for (const copy of versions) {
    const base = `${folder}/version-${copy.version}`;
    const context = planning.context(`${base}.html`);
    plan.documents.push(
      {
        ...document(
          `${base}.html`,
          () => renderCopy(copy, context),
          copyTitle(copy),
          'quiz',
          planning,
        ),
        ...(options.duplex && blueprint.answerSheet ? { sheetOnRecto: true } : {}),
      },
      document(
        `${base}-key.html`,
        () => renderKey(copy, context),
        keyTitle(copy, true),
        'key',
        planning,
      ),
    );
  }
}

/**
 * A class: each student's copy and key as HTML (written if HTML is wanted,
 * shown by the preview), and two packs printed as few documents, whose
 * per-copy PDFs (--split) are cut from the printed pages. Copies are drawn
 * when first needed: with another thread writing some of the pages
 * (class-pages.ts), this one never lays out that thread's copies unless
 * it prints them.
 */
function planClass(
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
  const group = `${blueprint.title} — ${roster.name}`;
  const bookletPath = `${packFolder}/explanations.html`;
  const booklet = full
    ? undefined
    : bookletOf(students.length, (i) => draw.order(students[i]!).flat(), copyAt, draw.drawable);
  const bookletName = `the explanations booklet (${path.posix.basename(pdfPath(bookletPath))})`;
  const answers = (copy: QuizCopy, context: QuizRenderContext): string =>
    booklet ? renderMarkingGrid(copy, booklet, bookletName, context) : renderKey(copy, context);
  const names = copyFileNames(students);
  const packContext = planning.context(`${packFolder}/class-pack.html`);
  const ownPages: OwnPage[][] = [];
  if (planning.html) {
    const setup: ClassPagesSetup = {
      templateDirs: content.project.templateDirs,
      corpus: content.corpus,
      packFolder,
      ...(booklet ? { booklet: { numbers: new Map(booklet.numbers), name: bookletName } } : {}),
      ...(blueprint.answerSheet ? { answerSheet: blueprint.answerSheet } : {}),
    };
    // The other thread takes students from the back of the roster, drawing
    // them itself; each of this thread's pages is rendered only if this
    // thread takes its student first (PlannedDocument.claim).
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
    for (let i = 0; i < students.length; i++) {
      const claim = claims && { claim: () => claimStudent(claims, i, MAIN_THREAD) };
      // The copy's own page; its PDF, if wanted, is cut from the printed pack.
      const [copyPage, keyPage] = renderer.pages(() => copyAt(i), names[i]!);
      const own = (page: StudentPage, title: string, kind: string) => ({
        document: {
          ...document(page.path, () => page.render(), title, kind, planning),
          writePdf: false,
          ...claim,
        },
        page,
      });
      ownPages[i] = [
        own(copyPage, studentTitle(blueprint, students[i]!, false, full), 'quiz'),
        own(keyPage, studentTitle(blueprint, students[i]!, true, full), 'key'),
      ];
      plan.documents.push(...ownPages[i]!.map((own) => own.document));
    }
  }
  if (booklet) {
    const title = `Answers and explanations — ${group}`;
    const context = planning.context(bookletPath);
    plan.documents.push(
      document(
        bookletPath,
        () => renderExplanations(booklet, copyAt(0), { title, group: roster.name }, context),
        title,
        'explanations',
        planning,
      ),
    );
  }
  if (!planning.pdf) return;
  // The pages this thread writes are rendered once each with their parts.
  const paired = pairsAllowed(content.bank.questions, blueprint, roster, content.corpus.articles);
  const copyParts: PlannedPart[] = [];
  const keyParts: PlannedPart[] = [];
  students.forEach((student, i) => {
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

/** A student's own page (copy or key) as planned, and how to render it elsewhere too. */
interface OwnPage {
  document: PlannedDocument;
  page: StudentPage;
}

function document(
  file: string,
  render: () => string,
  title: string,
  kind: string,
  planning: QuizPlanning,
): LazyDocument {
  return {
    path: file,
    render,
    title,
    writeHtml: planning.html,
    writePdf: planning.pdf,
    dateSeed: planning.options.seed,
    kind,
  };
}

function copyTitle(copy: QuizCopy): string {
  return `${copy.title} — ${copyName(copy)}`;
}

function keyTitle(copy: QuizCopy, full: boolean): string {
  return `${keyKind(full)} — ${copy.title} — ${copyName(copy)}`;
}

/** A student's copy's or key's title (copyTitle, keyTitle), without drawing the copy. */
function studentTitle(blueprint: Blueprint, student: Student, key: boolean, full: boolean): string {
  return `${key ? `${keyKind(full)} — ` : ''}${blueprint.title} — ${studentCopyName(student)}`;
}

function keyKind(full: boolean): string {
  return full ? 'Answer key' : 'Marking grid';
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

export function rosterName(file: string): string {
  return path.basename(file).replace(/\.csv$/i, '');
}

export interface ClassRoster {
  name: string;
  students: Student[];
  /** Names no bundled font can print (warnings to show; the run goes on). */
  warnings: Problem[];
}

export async function readClassRoster(file: string): Promise<ClassRoster> {
  return { name: rosterName(file), ...(await readRoster(file)) };
}

/** The roster a blueprint names, if it names one. */
export async function blueprintRoster(blueprint: Blueprint): Promise<ClassRoster | undefined> {
  return blueprint.roster ? readClassRoster(blueprint.roster) : undefined;
}
