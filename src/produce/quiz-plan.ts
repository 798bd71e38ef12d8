/** Plans a quiz's outputs: versions with keys, and class packs from a roster. */
import path from 'node:path';
import type { Content } from '../content.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { drawStudentCopies, drawVersions } from '../quiz/draw.js';
import { loadRoster } from '../quiz/roster.js';
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
  emptyPlan,
  fileSafe,
  pdfPath,
  type BuildPlan,
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
}

export function quizFolder(blueprint: Blueprint): string {
  return `quizzes/${blueprint.id}`;
}

export function planQuiz(
  content: Content,
  blueprint: Blueprint,
  options: QuizPlanOptions,
): BuildPlan {
  const plan = emptyPlan();
  plan.seeds[blueprint.id] = options.seed;
  const env = templateEnvironment(content.project.templateDirs);
  const folder = quizFolder(blueprint);
  const html = options.formats.includes('html');
  const pdf = options.formats.includes('pdf');
  const items = renderedItems();
  const contextFor = (documentPath: string, part?: PagePart): QuizRenderContext => ({
    env,
    corpus: content.corpus,
    assetsUrl: assetsUrlFor(documentPath),
    items,
    ...(part ? { part } : {}),
  });

  if (!options.roster || options.versionsWithRoster) {
    const versions = drawVersions(
      content.bank.questions,
      blueprint,
      options.seed,
      options.versions,
    );
    for (const copy of versions) {
      // A version is a document of its own, printed alone: tagged, with its full key.
      const base = `${folder}/version-${copy.version}`;
      const copyContext = contextFor(`${base}.html`);
      plan.documents.push(
        {
          path: `${base}.html`,
          html: renderCopy(copy, copyContext),
          title: copyTitle(copy),
          writeHtml: html,
          writePdf: pdf,
          dateSeed: options.seed,
          kind: 'quiz',
        },
        {
          path: `${base}-key.html`,
          html: renderKey(copy, copyContext),
          title: keyTitle(copy, true),
          writeHtml: html,
          writePdf: pdf,
          dateSeed: options.seed,
          kind: 'key',
        },
      );
    }
  }
  if (options.roster) planClass(plan, options.roster, { ...options, html, pdf, contextFor });
  return plan;

  function planClass(
    into: BuildPlan,
    roster: { name: string; students: Student[] },
    settings: QuizPlanOptions & {
      html: boolean;
      pdf: boolean;
      contextFor: typeof contextFor;
    },
  ): void {
    const packFolder = `${folder}/${fileSafe(roster.name)}`;
    const copies = drawStudentCopies(
      content.bank.questions,
      blueprint,
      settings.seed,
      roster.students,
    );
    if (copies.length === 0) return;
    const full = settings.fullKeys ?? false;
    const group = `${blueprint.title} — ${roster.name}`;
    const bookletPath = `${packFolder}/explanations.html`;
    const bookletTitle = `Answers and explanations — ${group}`;
    const booklet = full ? undefined : explanationsBooklet(copies);
    const renderAnswers = (copy: QuizCopy, context: QuizRenderContext): string =>
      booklet
        ? renderMarkingGrid(
            copy,
            booklet,
            `the explanations booklet (${path.posix.basename(pdfPath(bookletPath))})`,
            context,
          )
        : renderKey(copy, context);
    const names = copyFileNames(copies);
    const packContext = settings.contextFor(`${packFolder}/class-pack.html`);
    const copyParts: PlannedPart[] = [];
    const keyParts: PlannedPart[] = [];
    copies.forEach((copy, i) => {
      const base = `${packFolder}/copies/${names[i]}`;
      if (settings.html) {
        // Each copy's own HTML; its PDF, if wanted, is cut from the printed pack.
        const context = settings.contextFor(`${base}.html`);
        into.documents.push(
          htmlOnly(
            `${base}.html`,
            renderCopy(copy, context),
            copyTitle(copy),
            'quiz',
            settings.seed,
          ),
          htmlOnly(
            `${base}-key.html`,
            renderAnswers(copy, context),
            keyTitle(copy, full),
            'key',
            settings.seed,
          ),
        );
      }
      if (!settings.pdf) return;
      const part = { name: `copy-${i + 1}` };
      const partContext = { ...packContext, part };
      copyParts.push({
        ...part,
        html: renderCopy(copy, partContext),
        ...(settings.split
          ? { split: { path: pdfPath(`${base}.html`), title: copyTitle(copy), kind: 'quiz (pdf)' } }
          : {}),
      });
      keyParts.push({
        ...part,
        html: renderAnswers(copy, partContext),
        ...(settings.split
          ? {
              split: {
                path: pdfPath(`${base}-key.html`),
                title: keyTitle(copy, full),
                kind: 'key (pdf)',
              },
            }
          : {}),
      });
    });
    if (booklet) {
      into.documents.push({
        path: bookletPath,
        html: renderExplanations(
          booklet,
          copies[0]!,
          { title: bookletTitle, group: roster.name },
          settings.contextFor(bookletPath),
        ),
        title: bookletTitle,
        writeHtml: settings.html,
        writePdf: settings.pdf,
        dateSeed: settings.seed,
        kind: 'explanations',
      });
    }
    if (!settings.pdf) return;
    const first = copies[0]!;
    const head = { ...packContext, part: { head: true } as const };
    into.packs.push(
      {
        path: `${packFolder}/class-pack.pdf`,
        title: `${group}: student copies`,
        head: renderCopy(first, head),
        parts: copyParts,
        duplex: settings.duplex,
        dateSeed: settings.seed,
        kind: 'class pack',
      },
      {
        path: `${packFolder}/class-keys.pdf`,
        title: `${group}: ${full ? 'answer keys' : 'marking grids'}`,
        head: renderAnswers(first, head),
        parts: keyParts,
        duplex: settings.duplex,
        dateSeed: settings.seed,
        kind: 'class keys',
      },
    );
  }
}

function copyTitle(copy: QuizCopy): string {
  return `${copy.title} — ${copyName(copy)}`;
}

function keyTitle(copy: QuizCopy, full: boolean): string {
  return `${full ? 'Answer key' : 'Marking grid'} — ${copy.title} — ${copyName(copy)}`;
}

function htmlOnly(
  path: string,
  html: string,
  title: string,
  kind: string,
  seed: number,
): PlannedDocument {
  return { path, html, title, writeHtml: true, writePdf: false, dateSeed: seed, kind };
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

/** The students of the roster a blueprint names, if it names one. */
export async function blueprintRoster(
  blueprint: Blueprint,
): Promise<{ name: string; students: Student[] } | undefined> {
  if (!blueprint.roster) return undefined;
  return { name: rosterName(blueprint.roster), students: await loadRoster(blueprint.roster) };
}
