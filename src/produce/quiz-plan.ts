/** Plans a quiz's outputs: versions with keys, and class packs from a roster. */
import path from 'node:path';
import type { Content } from '../content.js';
import type { Blueprint } from '../quiz/blueprint.js';
import type { QuizCopy, Student } from '../quiz/copy.js';
import { drawStudentCopies, drawVersions } from '../quiz/draw.js';
import { loadRoster } from '../quiz/roster.js';
import { renderCopy, renderKey, copyName } from '../render/quiz.js';
import { templateEnvironment } from '../render/env.js';
import {
  assetsUrlFor,
  emptyLazyPlan,
  fileSafe,
  renderPlan,
  type BuildPlan,
  type LazyPlan,
  type OutputFormat,
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
}

export function quizFolder(blueprint: Blueprint): string {
  return `quizzes/${blueprint.id}`;
}

export function planQuiz(
  content: Content,
  blueprint: Blueprint,
  options: QuizPlanOptions,
): BuildPlan {
  return renderPlan(quizDocuments(content, blueprint, options));
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
  const folder = quizFolder(blueprint);
  const html = options.formats.includes('html');
  const pdf = options.formats.includes('pdf');
  const addPair = (copy: QuizCopy, base: string, writePdf: boolean): [string, string] => {
    const copyPath = `${base}.html`;
    const keyPath = `${base}-key.html`;
    const context = {
      env,
      corpus: content.corpus,
      assetsUrl: assetsUrlFor(copyPath),
      ...(blueprint.answerSheet ? { answerSheet: blueprint.answerSheet } : {}),
    };
    plan.documents.push(
      {
        path: copyPath,
        render: () => renderCopy(copy, context),
        title: `${copy.title} — ${copyName(copy)}`,
        writeHtml: html,
        writePdf,
        dateSeed: options.seed,
        kind: 'quiz',
      },
      {
        path: keyPath,
        render: () => renderKey(copy, context),
        title: `Answer key — ${copy.title} — ${copyName(copy)}`,
        writeHtml: html,
        writePdf,
        dateSeed: options.seed,
        kind: 'key',
      },
    );
    return [copyPath, keyPath];
  };

  if (!options.roster || options.versionsWithRoster) {
    for (const copy of drawVersions(
      content.bank.questions,
      blueprint,
      options.seed,
      options.versions,
    )) {
      addPair(copy, `${folder}/version-${copy.version}`, pdf);
    }
  }
  if (options.roster) {
    const packFolder = `${folder}/${fileSafe(options.roster.name)}`;
    const copies: string[] = [];
    const keys: string[] = [];
    const used = new Set<string>();
    const studentCopies = drawStudentCopies(
      content.bank.questions,
      blueprint,
      options.seed,
      options.roster.students,
    );
    for (const copy of studentCopies) {
      const student = copy.student!;
      let name = fileSafe(student.id);
      if (used.has(name)) name = `${name}-row${student.row}`;
      used.add(name);
      const [copyPath, keyPath] = addPair(
        copy,
        `${packFolder}/copies/${name}`,
        pdf && options.split,
      );
      copies.push(copyPath);
      keys.push(keyPath);
    }
    if (pdf) {
      const title = `${blueprint.title} — ${options.roster.name}`;
      plan.packs.push(
        {
          path: `${packFolder}/class-pack.pdf`,
          title: `${title}: student copies`,
          parts: copies,
          duplex: options.duplex,
          dateSeed: options.seed,
          kind: 'class pack',
        },
        {
          path: `${packFolder}/class-keys.pdf`,
          title: `${title}: answer keys`,
          parts: keys,
          duplex: options.duplex,
          dateSeed: options.seed,
          kind: 'class keys',
        },
      );
    }
  }
  return plan;
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
