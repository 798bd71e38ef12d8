/** Plans a briefing's outputs: student and teacher editions, and open-book packs for its quiz. */
import type { Content } from '../content.js';
import type { BriefingConfig, Edition } from '../briefing/config.js';
import { briefingModel } from '../briefing/model.js';
import { openBookModel } from '../briefing/open-book.js';
import { renderBriefing, renderOpenBook } from '../render/briefing.js';
import { templateEnvironment } from '../render/env.js';
import type { Blueprint } from '../quiz/blueprint.js';
import { drawVersions } from '../quiz/draw.js';
import {
  assetsUrlFor,
  documentNames,
  emptyLazyPlan,
  literally,
  type BuildPlan,
  type LazyPlan,
  type OutputFormat,
} from './plan.js';

export interface BriefingPlanOptions {
  formats: OutputFormat[];
  editions: Edition[];
  /** False when the command line narrowed the articles: the overview was written for the full set. */
  overview: boolean;
  /** Open-book packs: the quiz, its seed, and which versions (default: all). */
  openBook?: { blueprint: Blueprint; seed: number; versions?: string[] };
  /** Seed for PDF dates (briefings have no seed of their own). */
  dateSeed: number;
}

/** The names of a quiz's open-book packs in a briefing's folder: of `versions`, or of any. */
export function openBookNames(quizId: string, versions?: string[]): RegExp {
  const letters = versions ? `(?:${versions.map(literally).join('|')})` : '[A-Z]+';
  return documentNames(`open-book-${literally(quizId)}-${letters}`);
}

export function briefingFolder(config: BriefingConfig): string {
  return `briefings/${config.id}`;
}

export function planBriefing(
  content: Content,
  config: BriefingConfig,
  options: BriefingPlanOptions,
): BuildPlan {
  return briefingDocuments(content, config, options);
}

/** The briefing's editions and open-book packs, not yet rendered. */
export function briefingDocuments(
  content: Content,
  config: BriefingConfig,
  options: BriefingPlanOptions,
): LazyPlan {
  const plan = emptyLazyPlan();
  const env = templateEnvironment(content.project.templateDirs);
  const folder = briefingFolder(config);
  const html = options.formats.includes('html');
  const pdf = options.formats.includes('pdf');
  // The editions and each quiz's open-book packs are this run's, if it makes
  // them: an edition or version it leaves out, or a format it does not
  // write, is removed rather than printed with them.
  if (options.editions.length > 0)
    plan.owned.push({ folder, names: documentNames('student', 'teacher') });
  for (const edition of options.editions) {
    const path = `${folder}/${edition}.html`;
    plan.documents.push({
      path,
      render: () =>
        renderBriefing(
          briefingModel(config, edition, content, { overview: options.overview }),
          env,
          config.paper,
          assetsUrlFor(path),
        ),
      title: `${config.title} — ${edition === 'teacher' ? 'Teacher' : 'Student'} edition`,
      writeHtml: html,
      writePdf: pdf,
      dateSeed: options.dateSeed,
      kind: `briefing, ${edition}`,
    });
  }
  if (options.openBook) {
    const { blueprint, seed, versions } = options.openBook;
    plan.seeds[blueprint.id] = seed;
    // A run asked for some versions (--version A) owns only their packs: the
    // other versions' packs an earlier run wrote are still the quiz's, and stay.
    plan.owned.push({ folder, names: openBookNames(blueprint.id, versions) });
    for (const copy of drawVersions(content.bank.questions, blueprint, seed)) {
      if (versions && !versions.includes(copy.version)) continue;
      const path = `${folder}/open-book-${blueprint.id}-${copy.version}.html`;
      plan.documents.push({
        path,
        render: () =>
          renderOpenBook(
            openBookModel(copy, content.corpus),
            env,
            blueprint.paper,
            assetsUrlFor(path),
          ),
        title: `${blueprint.title} — open-book pack, version ${copy.version}`,
        writeHtml: html,
        writePdf: pdf,
        dateSeed: seed,
        kind: 'open-book pack',
      });
    }
  }
  return plan;
}
