/** Plans a grading run's outputs: scores.csv and the item-analysis report. */
import path from 'node:path';
import type { Content } from '../content.js';
import type { Project } from '../project.js';
import type { Blueprint } from '../quiz/blueprint.js';
import { templateEnvironment } from '../render/env.js';
import type { ClassAnalysis } from '../grade/analysis.js';
import type { CopySet } from '../grade/copies.js';
import { passageResults } from '../grade/passages.js';
import { renderReport } from '../grade/report.js';
import type { ReadResponses } from '../grade/responses.js';
import type { ScoredSheet } from '../grade/score.js';
import { scoresCsv } from '../grade/scores-csv.js';
import { assetsUrlFor, emptyPlan, type BuildPlan, type OutputFormat } from './plan.js';

/** The folder under out/ a quiz's grades go to. */
export function gradesFolder(quizId: string): string {
  return `grades/${quizId}`;
}

/** How the responses file is named in the report and manifest: never a machine-specific path. */
export function projectPath(project: Project, file: string): string {
  const relative = path.relative(project.root, file);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? path.basename(file)
    : relative.split(path.sep).join('/');
}

export interface GradeRun {
  seed: number;
  formats: OutputFormat[];
  file: string;
  read: ReadResponses;
  scored: ScoredSheet[];
  analysis: ClassAnalysis;
  copies: CopySet;
}

/** The files of a grading run, for the shared writer and printer. */
export function gradePlan(content: Content, blueprint: Blueprint, run: GradeRun): BuildPlan {
  const folder = gradesFolder(blueprint.id);
  const reportPath = `${folder}/report.html`;
  const graded = new Set(
    run.scored.map((s) => s.sheet.student?.id).filter((id) => id !== undefined),
  );
  const html = renderReport(
    {
      blueprint,
      seed: run.seed,
      responsesName: projectPath(content.project, run.file),
      analysis: run.analysis,
      passages: passageResults(run.analysis.items, content.corpus),
      leftOut: run.read.rejected.map((r) => ({ row: r.row, id: r.id })),
      missing: (run.copies.roster?.students ?? [])
        .filter((s) => !graded.has(s.id))
        .map((s) => ({ id: s.id, name: s.name })),
    },
    { env: templateEnvironment(content.project.templateDirs), assetsUrl: assetsUrlFor(reportPath) },
  );
  const plan = emptyPlan();
  plan.seeds[blueprint.id] = run.seed;
  // A report in a format this run does not write would be of other responses.
  plan.owned.push({ folder, names: /^(?:report\.(?:html|pdf)|scores\.csv)$/ });
  plan.files.push({
    path: `${folder}/scores.csv`,
    data: scoresCsv(run.scored, run.copies.roster !== undefined),
    kind: 'scores',
  });
  plan.documents.push({
    path: reportPath,
    render: () => html,
    title: `Grade report — ${blueprint.title}`,
    writeHtml: run.formats.includes('html'),
    writePdf: run.formats.includes('pdf'),
    dateSeed: run.seed,
    kind: 'grade report',
  });
  return plan;
}
