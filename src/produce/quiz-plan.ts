/**
 * Plans a quiz's outputs: versions with their full keys, and for a roster a
 * class pack, the class keys (a marking grid per copy and one explanations
 * booklet, or --full-keys) and, as HTML, each student's copy and key.
 */
import path from 'node:path';
import type { Content } from '../content.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { drawStudentCopies, drawVersions } from '../quiz/draw.js';
import { readRoster } from '../quiz/roster.js';
import type { Problem } from '../errors.js';
import {
  copyName,
  explanationsBooklet,
  renderCopy,
  renderExplanations,
  renderKey,
  renderMarkingGrid,
  renderedItems,
  type QuizRenderContext,
} from '../render/quiz.js';
import type { PagePart } from '../render/page.js';
import { templateEnvironment } from '../render/env.js';
import {
  assetsUrlFor,
  emptyLazyPlan,
  fileSafe,
  pdfPath,
  type BuildPlan,
  type LazyDocument,
  type LazyPlan,
  type OutputFormat,
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
 * per-copy PDFs (--split) are cut from the printed pages.
 */
function planClass(
  plan: LazyPlan,
  roster: { name: string; students: Student[] },
  planning: QuizPlanning,
): void {
  const { content, blueprint, options } = planning;
  const packFolder = `${quizFolder(blueprint)}/${fileSafe(roster.name)}`;
  const copies = drawStudentCopies(
    content.bank.questions,
    blueprint,
    options.seed,
    roster.students,
  );
  if (copies.length === 0) return;
  const full = options.fullKeys ?? false;
  const group = `${blueprint.title} — ${roster.name}`;
  const bookletPath = `${packFolder}/explanations.html`;
  const booklet = full ? undefined : explanationsBooklet(copies);
  const bookletName = `the explanations booklet (${path.posix.basename(pdfPath(bookletPath))})`;
  const answers = (copy: QuizCopy, context: QuizRenderContext): string =>
    booklet ? renderMarkingGrid(copy, booklet, bookletName, context) : renderKey(copy, context);
  const names = copyFileNames(copies);
  const packContext = planning.context(`${packFolder}/class-pack.html`);
  const copyParts: PlannedPart[] = [];
  const keyParts: PlannedPart[] = [];
  copies.forEach((copy, i) => {
    const base = `${packFolder}/copies/${names[i]}`;
    if (planning.html) {
      // The copy's own page; its PDF, if wanted, is cut from the printed pack.
      const context = planning.context(`${base}.html`);
      const copyHtml = () => renderCopy(copy, context);
      const keyHtml = () => answers(copy, context);
      plan.documents.push(
        {
          ...document(`${base}.html`, copyHtml, copyTitle(copy), 'quiz', planning),
          writePdf: false,
        },
        {
          ...document(`${base}-key.html`, keyHtml, keyTitle(copy, full), 'key', planning),
          writePdf: false,
        },
      );
    }
    const part = { name: `copy-${i + 1}` };
    const split = (file: string, title: string, kind: string) =>
      options.split ? { split: { path: pdfPath(file), title, kind } } : {};
    copyParts.push({
      ...part,
      render: () => renderCopy(copy, { ...packContext, part }),
      ...split(`${base}.html`, copyTitle(copy), 'quiz (pdf)'),
    });
    keyParts.push({
      ...part,
      render: () => answers(copy, { ...packContext, part }),
      ...split(`${base}-key.html`, keyTitle(copy, full), 'key (pdf)'),
    });
  });
  if (booklet) {
    const title = `Answers and explanations — ${group}`;
    const context = planning.context(bookletPath);
    plan.documents.push(
      document(
        bookletPath,
        () => renderExplanations(booklet, copies[0]!, { title, group: roster.name }, context),
        title,
        'explanations',
        planning,
      ),
    );
  }
  if (!planning.pdf) return;
  const head = { ...packContext, part: { head: true } as const };
  const pack = { duplex: options.duplex, dateSeed: options.seed };
  plan.packs.push(
    {
      ...pack,
      path: `${packFolder}/class-pack.pdf`,
      title: `${group}: student copies`,
      head: () => renderCopy(copies[0]!, head),
      parts: copyParts,
      kind: 'class pack',
    },
    {
      ...pack,
      path: `${packFolder}/class-keys.pdf`,
      title: `${group}: ${full ? 'answer keys' : 'marking grids'}`,
      head: () => answers(copies[0]!, head),
      parts: keyParts,
      kind: 'class keys',
    },
  );
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
  return `${full ? 'Answer key' : 'Marking grid'} — ${copy.title} — ${copyName(copy)}`;
}

/** File names from student ids, made safe; a repeated one gets its roster row. */
function copyFileNames(copies: readonly QuizCopy[]): string[] {
  const used = new Set<string>();
  return copies.map((copy) => {
    const student = copy.student!;
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
