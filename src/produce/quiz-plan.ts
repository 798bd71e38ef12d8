/**
 * Plans a quiz's outputs: versions with their full keys, and for a roster a
 * class pack, the class keys (a marking grid per copy and one explanations
 * booklet, or --full-keys) and, as HTML, each student's copy and key
 * (class-plan.ts).
 */
import type { Content } from '../content.js';
import type { Blueprint } from '../quiz/blueprint.js';
import { drawVersions } from '../quiz/draw.js';
import { renderCopy } from '../render/quiz-copy.js';
import { renderKey } from '../render/quiz-key.js';
import { renderedItems } from '../render/rendered-items.js';
import { templateEnvironment } from '../render/env.js';
import { planClass } from './class-plan.js';
import {
  assetsUrlFor,
  documentNames,
  emptyLazyPlan,
  type BuildPlan,
  type LazyPlan,
} from './plan.js';
import {
  copyTitle,
  keyTitle,
  quizDocument,
  quizFolder,
  type QuizPlanOptions,
  type QuizPlanning,
} from './quiz-planning.js';

export function planQuiz(
  content: Content,
  blueprint: Blueprint,
  options: QuizPlanOptions,
): BuildPlan {
  return quizDocuments(content, blueprint, options);
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
        ...quizDocument(
          `${base}.html`,
          () => renderCopy(copy, context),
          copyTitle(copy),
          'quiz',
          planning,
        ),
        ...(options.duplex && blueprint.answerSheet ? { sheetOnRecto: true } : {}),
      },
      quizDocument(
        `${base}-key.html`,
        () => renderKey(copy, context),
        keyTitle(copy, true),
        'key',
        planning,
      ),
    );
  }
}
