/**
 * What planning a quiz's documents shares: the run's options, the render
 * context every document of the quiz is made in, and the documents' titles.
 * The versions (quiz-plan.ts) and a class (class-plan.ts) are planned from
 * these, so a version's key and a student's key are named alike.
 */
import type { Content } from '../content.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { copyName, studentCopyName, type QuizRenderContext } from '../render/quiz-context.js';
import type { RenderedItems } from '../render/rendered-items.js';
import type { PagePart } from '../render/page.js';
import type { LazyDocument, OutputFormat } from './plan.js';

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

/** What a quiz's documents share while they are planned. */
export interface QuizPlanning {
  content: Content;
  blueprint: Blueprint;
  options: QuizPlanOptions;
  html: boolean;
  pdf: boolean;
  /** Questions already rendered, shared by every copy of the quiz. */
  items: RenderedItems;
  context(documentPath: string, part?: PagePart): QuizRenderContext;
}

export function quizFolder(blueprint: Blueprint): string {
  return `quizzes/${blueprint.id}`;
}

/** A document of the quiz, written and printed as the run's formats say. */
export function quizDocument(
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

export function copyTitle(copy: QuizCopy): string {
  return `${copy.title} — ${copyName(copy)}`;
}

export function keyTitle(copy: QuizCopy, full: boolean): string {
  return `${keyKind(full)} — ${copy.title} — ${copyName(copy)}`;
}

/** A student's copy's or key's title (copyTitle, keyTitle), without drawing the copy. */
export function studentTitle(
  blueprint: Blueprint,
  student: Student,
  key: boolean,
  full: boolean,
): string {
  return `${key ? `${keyKind(full)} — ` : ''}${blueprint.title} — ${studentCopyName(student)}`;
}

function keyKind(full: boolean): string {
  return full ? 'Answer key' : 'Marking grid';
}
